// Builds better-sqlite3 for Electron's ABI into build/electron-native/, leaving the Node build in
// node_modules for the tests. One checkout then runs both `npm test` (Node) and `npm start`
// (Electron); main/electron/app.ts loads this copy through better-sqlite3's nativeBinding option.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'build', 'electron-native');
const target = path.join(outDir, 'better_sqlite3.node');
const version = electronVersion(root);
const stamp = path.join(outDir, 'electron-version.txt');

if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === version) {
  process.exit(0);
}
console.log(`Building better-sqlite3 for Electron ${version} (once; takes about a minute)…`);
const src = path.join(outDir, 'better-sqlite3');
fs.rmSync(src, { recursive: true, force: true });
fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), src, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
execFileSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  { cwd: src, stdio: 'inherit' },
);
fs.copyFileSync(path.join(src, 'build', 'Release', 'better_sqlite3.node'), target);
fs.writeFileSync(stamp, version);
console.log(`Electron build of better-sqlite3: ${path.relative(root, target)}`);
