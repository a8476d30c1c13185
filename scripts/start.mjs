// `npm start`: the desktop app where an Electron runtime exists, browser mode otherwise.
// Rebuilds dist/ first when the sources are newer than the last build.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';
import { electronExecutable } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

buildIfStale(root, { main: true });

const electron = electronExecutable(root);
if (electron) {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')], { cwd: root, stdio: 'inherit' });
  // The spellcheck dictionary is generated (scripts/make-dictionaries.ts), never downloaded.
  if (!fs.readdirSync(path.join(root, 'build-resources', 'dictionaries')).some((f) => f.endsWith('.bdic'))) {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'predist'], { cwd: root, stdio: 'inherit' });
  }
  const child = spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron is not available here (no Electron runtime in node_modules/electron), so the workbench starts in browser mode: open the URL below.');
  const child = spawn(process.execPath, [path.join(root, 'dist', 'main', 'cli.cjs'), 'serve', ...args], { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
