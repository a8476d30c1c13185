// Bundles the main-process entries into dist/main as CommonJS (Electron's main and sandboxed
// preload load CommonJS). npm packages stay external: electron-builder ships them, and native
// modules such as better-sqlite3 cannot be bundled.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
  // Source files use import.meta.url (ESM); in the CommonJS bundle it comes from __filename.
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
};

await Promise.all([
  build({ ...common, entryPoints: { app: 'main/electron/app.ts', cli: 'main/cli-main.ts', 'spam-worker': 'main/moderation/spam-worker.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  // The preload runs in a sandbox: only 'electron' may be required, so bundle everything else in.
  build({ ...common, banner: undefined, define: undefined, packages: undefined, external: ['electron'], entryPoints: { preload: 'main/electron/preload.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
]);
console.log('main bundled to dist/main/');
