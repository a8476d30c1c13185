// `npm test`: every check in order, stopping at the first failing stage, then one closing line
// `N passed, N failed` that counts the unit and e2e tests together.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-test-'));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const only = process.argv[2]; // e.g. `npm test -- unit` or `npm test -- e2e`

function stage(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  return r.status === 0;
}

function vitestCounts(file) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 0 };
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { passed: j.numPassedTests ?? 0, failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0) };
}

function playwrightCounts(file) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 0 };
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0 };
}

const vitestJson = path.join(tmp, 'vitest.json');
const playwrightJson = path.join(tmp, 'playwright.json');
let ok = true;
const run = (name, ...rest) => (ok = ok && stage(name, ...rest));

if (!only || only === 'static') {
  run('type check', npx, ['tsc', '--noEmit', '-p', '.']);
  run('layering check', process.execPath, ['--import', 'tsx', 'scripts/check-layers.ts']);
  if (fs.existsSync(path.join(root, 'scripts', 'electronegativity.ts'))) {
    run('electron security check', process.execPath, ['--import', 'tsx', 'scripts/electronegativity.ts']);
  }
}
if (!only || only === 'unit') {
  run('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
}
if (!only || only === 'e2e') {
  run('build', process.execPath, ['scripts/build-all.mjs']);
  run('package check', process.execPath, ['scripts/check-package.mjs']);
  run('e2e tests', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
}

const v = vitestCounts(vitestJson);
const p = playwrightCounts(playwrightJson);
console.log(`\nunit: ${v.passed} passed, ${v.failed} failed; e2e: ${p.passed} passed, ${p.failed} failed`);
// A failing stage with no failing test (a type error, say) still counts as one failure.
const failed = v.failed + p.failed || (ok ? 0 : 1);
console.log(`${v.passed + p.passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
