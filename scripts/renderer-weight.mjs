// What the window's first request loads, and what every other chunk weighs, gzipped: the entry
// script index.html names, its modulepreloads and every chunk they import statically. Chunks
// reached only through import() (areas, the editor, dialogs) load on first use and are not counted.
// `node scripts/renderer-weight.mjs [dist/renderer]` prints the table; check-package.mjs (in
// `npm test`, after the build) fails the run when the first request is over FIRST_REQUEST_LIMIT.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const FIRST_REQUEST_LIMIT = 150 * 1024;

const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'](\.\.?\/[^"']+\.js)["']/g;

/** Files (relative to dir) that index.html loads as scripts: the entry and its modulepreloads. */
function htmlScripts(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const found = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /type=["']module["']/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel=["']modulepreload["']/.test(tag);
    const url = tag.match(/(?:src|href)=["']([^"']+)["']/)?.[1];
    if ((isScript || isPreload) && url && !/^[a-z]+:/i.test(url)) found.push(path.normalize(url.replace(/^\.?\//, '')));
  }
  return found;
}

/** The files `start` imports statically, transitively, itself included. */
function staticGraph(dir, start) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(path.normalize(path.join(path.dirname(file), m[1])));
  };
  for (const f of start) visit(f);
  return seen;
}

const gzipped = (dir, file) => zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length;

/**
 * { firstRequest: { files, bytes }, chunks: [{ file, bytes, gzip, first }], areas: [{ area, bytes }] }
 * where `areas` is the first screen of each area chunk (`<Name>Area-*.js`): the first request plus
 * that chunk's own static imports.
 */
export function weighRenderer(dir) {
  const first = staticGraph(dir, htmlScripts(dir));
  const assets = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => path.join('assets', f));
  const chunks = assets
    .map((file) => ({ file, bytes: fs.statSync(path.join(dir, file)).size, gzip: gzipped(dir, file), first: first.has(file) }))
    .sort((a, b) => b.gzip - a.gzip);
  const sizeOf = (files) => [...files].reduce((n, f) => n + (chunks.find((c) => c.file === f)?.gzip ?? gzipped(dir, f)), 0);
  const areas = assets
    .filter((f) => /^[A-Z]\w*Area-/.test(path.basename(f)))
    .map((f) => ({ area: path.basename(f).replace(/Area-.*/, ''), bytes: sizeOf(new Set([...first, ...staticGraph(dir, [f])])) }));
  return { firstRequest: { files: [...first], bytes: sizeOf(first) }, chunks, areas };
}

/** Problems to report; empty when the first request is within the limit. */
export function firstRequestProblems(weight, limit = FIRST_REQUEST_LIMIT) {
  if (weight.firstRequest.files.length === 0) return ['index.html loads no module script: is dist/renderer built?'];
  if (weight.firstRequest.bytes <= limit) return [];
  return [
    `the window's first request loads ${kb(weight.firstRequest.bytes)} of JavaScript gzipped (${weight.firstRequest.files.join(', ')}), over the ${kb(limit)} limit: load the new code on first use (renderer/shell/lazy-view.tsx)`,
  ];
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function weightTable(weight) {
  const name = (f) => path.basename(f).replace(/-[\w-]{8}\.js$/, '.js');
  return [
    `First request: ${kb(weight.firstRequest.bytes)} gzipped (limit ${kb(FIRST_REQUEST_LIMIT)}).`,
    `First screen per area: ${weight.areas.map((a) => `${a.area} ${kb(a.bytes)}`).join(', ')}.`,
    '',
    '| chunk | minified | gzipped | loads |',
    '|---|---:|---:|---|',
    ...weight.chunks.map((c) => `| ${name(c.file)} | ${kb(c.bytes)} | ${kb(c.gzip)} | ${c.first ? 'first request' : 'on first use'} |`),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer'));
  const weight = weighRenderer(dir);
  console.log(weightTable(weight));
  const problems = firstRequestProblems(weight);
  for (const p of problems) console.error(p);
  process.exit(problems.length ? 1 : 0);
}
