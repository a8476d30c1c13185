/** Process entry for the CLI (bundled to dist/main/cli.cjs, or run from source by bin/workbench.mjs). */
import { runCli } from './cli';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 2;
  },
);
