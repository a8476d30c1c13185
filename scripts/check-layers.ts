/**
 * The layering rule, checked on every test run:
 *   common/   imports nothing of ours and no Node built-ins or electron (it runs everywhere)
 *   db/       imports common/ only
 *   renderer/ imports common/ only, and no Node built-ins, electron or better-sqlite3
 *   main/     imports common/ and db/; only main/electron/ imports electron or main/electron/
 *   server/   the team server: imports common/ and db/'s migration runner; only main/cli/sync-server.ts imports it
 * Prints every violation as file:line and exits 1 if there is any.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';

type Layer = 'common' | 'db' | 'renderer' | 'main' | 'server';
const ROOT = path.resolve(import.meta.dirname, '..');
const LAYERS: Layer[] = ['common', 'db', 'renderer', 'main', 'server'];
/** The one laptop-side file that may load the team server: the `workbench sync-server` door. */
const SERVER_DOOR = path.join('main', 'cli', 'sync-server.ts');
const ALLOWED: Record<Layer, Layer[]> = { common: ['common'], db: ['db', 'common'], renderer: ['renderer', 'common'], main: ['main', 'db', 'common'], server: ['server', 'db', 'common'] };
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const IMPORT_RE = /(?:^|[^.\w])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^.\w])import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'fixtures') walk(p);
      } else if (/\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

function layerOf(file: string): Layer | null {
  const top = path.relative(ROOT, file).split(path.sep)[0];
  return (LAYERS as string[]).includes(top) ? (top as Layer) : null;
}

export function checkFile(file: string, source: string): string[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const rel = path.relative(ROOT, file);
  const inElectron = rel.startsWith(`main${path.sep}electron${path.sep}`);
  const problems: string[] = [];
  const lines = source.split('\n');
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
    for (const m of line.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (!spec) continue;
      const where = `${rel}:${i + 1}`;
      if (spec === 'electron' || spec.startsWith('electron/')) {
        if (!inElectron) problems.push(`${where}: imports electron; only main/electron/ may`);
        continue;
      }
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const targetLayer = layerOf(target);
        const door = targetLayer === 'server' && rel === SERVER_DOOR;
        if (!door && (!targetLayer || !ALLOWED[layer].includes(targetLayer))) {
          problems.push(`${where}: ${layer}/ may not import ${path.relative(ROOT, target)}`);
        }
        const targetRel = path.relative(ROOT, target);
        if (!inElectron && targetRel.startsWith(`main${path.sep}electron`)) {
          problems.push(`${where}: imports main/electron/, which loads electron; only the shell may`);
        }
        continue;
      }
      if ((layer === 'common' || layer === 'renderer') && BUILTINS.has(spec)) {
        problems.push(`${where}: ${layer}/ may not import the Node built-in "${spec}"`);
      }
      if ((layer === 'common' || layer === 'renderer') && spec === 'better-sqlite3') {
        problems.push(`${where}: ${layer}/ may not import better-sqlite3`);
      }
    }
  });
  return problems;
}

export function checkTree(): string[] {
  return LAYERS.flatMap((l) => files(path.join(ROOT, l))).flatMap((f) => checkFile(f, fs.readFileSync(f, 'utf8')));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const problems = checkTree();
  if (problems.length) {
    console.error(`Layering check: ${problems.length} violation(s):\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log('Layering check: common, db, renderer, main and server import only what their layer allows.');
}
