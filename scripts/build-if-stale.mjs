// Rebuilds the parts of dist/ whose sources are newer than the last build, so `npm start`,
// `npm run serve` and `npx workbench serve` all work on a fresh clone without `npm run build`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newest(root, dirs) {
  let latest = 0;
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else if (!/\.test\.tsx?$/.test(p)) latest = Math.max(latest, st.mtimeMs);
  };
  for (const d of dirs) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return latest;
}
function mtime(root, file) {
  return fs.existsSync(path.join(root, file)) ? fs.statSync(path.join(root, file)).mtimeMs : 0;
}
function run(root, script) {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', script], { cwd: root, stdio: 'inherit' });
}

/** Builds the renderer (and, with main: true, the main-process bundle) when missing or stale. */
export function buildIfStale(root, { main = false } = {}) {
  if (newest(root, ['renderer', 'common']) > mtime(root, 'dist/renderer/index.html')) {
    console.log('Building the renderer into dist/renderer (its sources are newer than the last build)...');
    run(root, 'build:renderer');
  }
  if (main && newest(root, ['main', 'common', 'db']) > mtime(root, 'dist/main/cli.cjs')) run(root, 'build:main');
}
