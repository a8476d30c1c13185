// Bundles the main-process entries into dist/main: Electron's main, its sandboxed preload and the
// workers as CommonJS (what they load), the CLI as a CommonJS file per command (main-bundle.mjs). npm packages stay external (electron-builder ships them, and native
// modules such as better-sqlite3 cannot be bundled), but Lexical, which main-bundle.mjs bundles in. dist/main/build-manifest.json records the
// sources, so that bin/workbench.mjs runs the bundle only while it is current.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli, bundleNode, writeManifest } from './main-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'main');

const inputs = await Promise.all([
  bundleNode(root, outdir, { app: 'main/electron/app.ts' }),
  // The CLI: cli.cjs and a file per command (see bundleCli); and the worker
  // threads (import, spam training) that the app and the CLI both start from beside them.
  bundleCli(root, outdir),
  // The preload runs in a sandbox: only 'electron' may be required, so bundle everything else in.
  bundleNode(root, outdir, { preload: 'main/electron/preload.ts' }, { banner: undefined, define: undefined, plugins: [], external: ['electron'] }),
]);
writeManifest(root, outdir, inputs.flat());
console.log('main bundled to dist/main/');
