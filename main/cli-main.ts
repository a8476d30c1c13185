/** Process entry for the CLI (bundled to dist/main/cli.cjs, or run from source by bin/workbench.mjs). */
import { runCli } from './cli';

// A reader that stops early (`workbench posts | head`) closes the pipe: that ends the output, it is
// not a failure, so the command stops quietly instead of dying on an unhandled EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 2;
  },
);
