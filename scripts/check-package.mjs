// Packs the app with electron-builder into a temp folder and checks what went in: the bundled main
// process, the built renderer, production dependencies with better-sqlite3 unpacked from the asar,
// and nothing else (no sources, tests or renderer-only libraries). electron-builder would download
// Electron, so a stand-in Electron folder is used (-c.electronDist) and native rebuild is skipped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstRequestProblems, weighRenderer, weightTable } from './renderer-weight.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-pack-'));
const fakeElectron = path.join(tmp, 'electron-dist');
fs.mkdirSync(fakeElectron);
fs.writeFileSync(path.join(fakeElectron, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
fs.writeFileSync(path.join(fakeElectron, 'chrome-sandbox'), '');
const out = path.join(tmp, 'release');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// The window's first request, from the renderer the build just wrote (before packing, which is slow).
const weight = weighRenderer(path.join(root, 'dist', 'renderer'));
console.log(weightTable(weight).split('\n').slice(0, 2).join('\n'));
const problems = [...firstRequestProblems(weight)];

// What `npm run dist` does first: the spellcheck dictionaries the app ships.
execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'make-dictionaries.ts')], { cwd: root, stdio: 'ignore' });

execFileSync(bin('electron-builder'), ['--linux', 'dir', `-c.electronDist=${fakeElectron}`, '-c.npmRebuild=false', `-c.directories.output=${out}`], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const resources = path.join(out, 'linux-unpacked', 'resources');
const listing = execFileSync(bin('asar'), ['list', path.join(resources, 'app.asar')], { encoding: 'utf8' }).split('\n');
const has = (p) => listing.includes(p);
for (const must of ['/dist/main/app.cjs', '/dist/main/preload.cjs', '/dist/main/cli.cjs', '/dist/main/cli-posts.cjs', '/dist/renderer/index.html', '/demo/guest-blog-page.txt', '/package.json']) {
  if (!has(must)) problems.push(`missing ${must}`);
}
// The CLI's per-command files (cli-*.cjs, scripts/main-bundle.mjs) and every other file the main build wrote.
for (const file of fs.readdirSync(path.join(root, 'dist', 'main'))) {
  if (file !== 'build-manifest.json' && !has(`/dist/main/${file}`)) problems.push(`missing /dist/main/${file}`);
}
if (!fs.existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3'))) problems.push('better-sqlite3 is not unpacked from the asar');
for (const dict of ['en-GB-10-1.bdic', 'en-GB-10-2.bdic']) {
  if (!fs.existsSync(path.join(resources, 'dictionaries', dict))) problems.push(`spellcheck dictionary missing: resources/dictionaries/${dict}`);
}
for (const banned of ['react', 'react-dom', 'lexical', '@lexical', 'vite', 'vitest', 'electron', '@playwright', 'typescript']) {
  if (has(`/node_modules/${banned}`)) problems.push(`renderer or build-only package packed: ${banned}`);
}
problems.push(...unshippedRequires());
// The app icon in the sizes electron-builder.yml points each platform at, and the window's own.
if (!has('/build-resources/icons/256x256.png')) problems.push('the window icon build-resources/icons/256x256.png is not packed');
problems.push(...checkIcons());
const stray = listing.filter((p) => /^\/(common|db|main|renderer|e2e|bench|scripts)\//.test(p) || /\.(ts|tsx)$/.test(p));
if (stray.length) problems.push(`sources packed: ${stray.slice(0, 5).join(', ')}`);
fs.rmSync(tmp, { recursive: true, force: true });
if (problems.length) {
  console.error(`Package check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Package check: ${listing.filter(Boolean).length} entries; runtime code only, better-sqlite3 unpacked, en-GB dictionaries bundled.`);

/**
 * Each npm package the main-process bundles still require at run time is a production dependency,
 * so electron-builder packs it; a development-only one would be missing from the installed app.
 */
function unshippedRequires() {
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const mainDir = path.join(root, 'dist', 'main');
  const missing = new Set();
  for (const file of fs.readdirSync(mainDir).filter((f) => /\.[cm]js$/.test(f))) {
    // require("x") in the CommonJS bundles (the CLI's better-sqlite3/build/Release/ binding too); require2("x") where a source uses createRequire.
    for (const [, spec] of fs.readFileSync(path.join(mainDir, file), 'utf8').matchAll(/(?<![\w$])(?:__)?require\d*\("([^".][^"]*)"\)/g)) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (spec.startsWith('node:') || builtinModules.includes(name) || name === 'electron' || dependencies[name]) continue;
      missing.add(`${name} (required by dist/main/${file})`);
    }
  }
  return [...missing].map((m) => `not a production dependency, so not packed: ${m}`);
}

/** Each icon electron-builder.yml configures exists and holds the sizes its platform needs. */
function checkIcons() {
  const found = [];
  const config = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const icon = (platform) => new RegExp(`^${platform}:\\n(?:  .*\\n)*?  icon: (.+)$`, 'm').exec(config)?.[1].trim();
  const pngSize = (buf) => (buf.readUInt32BE(0) === 0x89504e47 ? [buf.readUInt32BE(16), buf.readUInt32BE(20)] : null);
  const linux = icon('linux');
  if (!linux) found.push('no linux icon in electron-builder.yml');
  else {
    for (const n of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const file = path.join(root, linux, `${n}x${n}.png`);
      const size = fs.existsSync(file) ? pngSize(fs.readFileSync(file)) : null;
      if (!size || size[0] !== n || size[1] !== n) found.push(`${linux}/${n}x${n}.png is missing or not ${n}x${n}`);
    }
  }
  const win = icon('win');
  if (!win || !fs.existsSync(path.join(root, win))) found.push(`the Windows icon ${win ?? '(none configured)'} is missing`);
  else {
    const ico = fs.readFileSync(path.join(root, win));
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    for (const n of [16, 32, 48, 256]) if (!sizes.includes(n)) found.push(`${win} has no ${n}x${n} image`);
  }
  const mac = icon('mac');
  if (!mac || !fs.existsSync(path.join(root, mac))) found.push(`the macOS icon ${mac ?? '(none configured)'} is missing`);
  else {
    const icns = fs.readFileSync(path.join(root, mac));
    const types = [];
    for (let at = 8; at + 8 <= icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.toString('ascii', at, at + 4));
    for (const t of ['ic07', 'ic08', 'ic09', 'ic10']) if (icns.toString('ascii', 0, 4) !== 'icns' || !types.includes(t)) found.push(`${mac} has no ${t} image`);
  }
  return found;
}
