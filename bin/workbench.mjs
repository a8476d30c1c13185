#!/usr/bin/env node
// `npx workbench ...`: runs the bundled CLI (dist/main/cli.cjs) while it is current, that is while
// every source it was built from is unchanged (dist/main/build-manifest.json, written by
// `npm run build:main`); otherwise the TypeScript sources through tsx, so it always matches the
// checkout. The bundle starts in a fraction of the time: tsx compiles every source on each call.
// WORKBENCH_BUNDLE_DIR names another bundle folder (the tests use it); WORKBENCH_TRACE_LAUNCH=1
// says on stderr which of the two ran.
import { createRequire } from 'node:module';

// Node's built-ins and the staleness check through require: imported as ES modules, each built-in
// gets a facade that reads every export (node:fs's loads Node's streams), a tenth of `posts`' start.
const require = createRequire(import.meta.url);
const path = require('node:path');
const { fileURLToPath } = require('node:url');
const { bundleIsCurrent } = require('../scripts/bundle-current.cjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundleDir = path.resolve(root, process.env.WORKBENCH_BUNDLE_DIR || 'dist/main');
// `serve` needs the built page; a fresh clone has none yet, so build it first (as `npm start` does).
// Imported only here: it loads child_process (and with it net and streams), which no other command needs.
if (process.argv[2] === 'serve' && !process.argv.includes('--help')) (await import('../scripts/build-if-stale.mjs')).buildIfStale(root);
const trace = (what) => process.env.WORKBENCH_TRACE_LAUNCH === '1' && process.stderr.write(`workbench: ${what}\n`);

if (bundleIsCurrent(root, bundleDir)) {
  trace(`bundle ${path.relative(root, bundleDir)}`);
  require(path.join(bundleDir, 'cli.cjs'));
} else {
  trace('sources');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli-main.ts');
}
