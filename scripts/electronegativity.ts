/**
 * `npm run check:electron` (and a stage of `npm test`): Doyensec's Electronegativity over the code
 * that ships (main/, common/, db/, renderer/), failing on any finding above LOW.
 *
 * Electronegativity always exits 0, and its CSV writer is not safe to read: it writes the header
 * and the rows with two concurrent async writes, so the first row is sometimes overwritten (seen
 * in CI). So we call the tool's own programmatic runner in a child process, which returns the
 * findings as objects, and judge them here. The sources are copied into a temp folder first:
 * pointing the tool at the project root would make it walk node_modules, dist and release, and
 * tests are not shipped. The Electron version is the installed one, so the tool never needs the
 * network to guess it.
 *
 * A finding that a reviewer has checked is silenced in the source with an
 * `// eng-disable CHECK_NAME` comment on the flagged line, saying why; nothing is silenced here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHIPPED = ['main', 'common', 'db', 'renderer'];
const SOURCE = /\.(ts|tsx|js|mjs|cjs|jsx|html|htm)$/;
const NOT_SHIPPED = /(\.test\.tsx?$|\.spec\.tsx?$|(^|\/)(node_modules|dist|testing|__fixtures__)\/)/;
const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const RUNNER = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'runner.js');

export interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

/** The shape of one issue object as the tool's runner returns it; anything else is refused. */
const RawIssue = z.object({
  id: z.string(),
  severity: z.object({ name: z.string() }),
  confidence: z.object({ name: z.string() }),
  file: z.string(),
  location: z.object({ line: z.number().optional(), column: z.number().optional() }).optional(),
  sample: z.string().nullish(),
  description: z.string().nullish(),
});

export function toFindings(raw: unknown): Finding[] {
  const parsed = z.array(RawIssue).safeParse(raw);
  if (!parsed.success) throw new Error(`Electronegativity returned findings of an unknown shape: ${parsed.error.issues[0]?.message}`);
  return parsed.data.map((i) => ({
    issue: i.id,
    severity: i.severity.name.toUpperCase(),
    confidence: i.confidence.name.toUpperCase(),
    file: i.file,
    location: `${i.location?.line ?? 0}:${i.location?.column ?? 0}`,
    sample: i.sample ?? '',
    description: i.description ?? '',
  }));
}

/**
 * Runs the tool over `dir` in a child process (it prints and fetches on its own; keeping it out of
 * our process keeps that noise and any crash contained) and returns its findings.
 */
export function scan(dir: string, electronVersion: string): Finding[] {
  if (!fs.existsSync(RUNNER)) throw new Error('Electronegativity is not installed (npm install); the Electron checklist was not checked.');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-eng-out-')), 'issues.json');
  try {
    const program = `
      const runner = require(${JSON.stringify(RUNNER)});
      const run = runner.default ?? runner; // the published build sets module.exports to the function
      run({ input: ${JSON.stringify(dir)}, isRelative: true, isVerbose: false, isSarif: false,
            electronVersionOverride: ${JSON.stringify(electronVersion)}, parserPlugins: [] }, false)
        .then((r) => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(r.issues)))
        .catch((e) => { console.error(e && e.stack || e); process.exit(1); });`;
    const child = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8', timeout: 180_000 });
    if (child.error || child.status !== 0 || !fs.existsSync(out)) {
      throw new Error(`Electronegativity did not run: ${child.error?.message ?? child.stderr.trim()}`);
    }
    return toFindings(JSON.parse(fs.readFileSync(out, 'utf8')));
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

export function isBlocking(f: Finding): boolean {
  return BLOCKING.has(f.severity) && !NOT_SHIPPED.test(f.file.replace(/\\/g, '/'));
}

function copyShipped(dest: string): number {
  let count = 0;
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (NOT_SHIPPED.test(child + (entry.isDirectory() ? '/' : ''))) continue;
      if (entry.isDirectory()) walk(child);
      else if (SOURCE.test(entry.name)) {
        fs.mkdirSync(path.join(dest, rel), { recursive: true });
        fs.copyFileSync(path.join(ROOT, child), path.join(dest, child));
        count++;
      }
    }
  };
  for (const dir of SHIPPED) walk(dir);
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dest, 'package.json'));
  return count;
}

export function installedElectronVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function main(): number {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-eng-'));
  try {
    const files = copyShipped(work);
    const findings = scan(work, installedElectronVersion());
    const blocking = findings.filter(isBlocking);
    for (const f of findings) {
      const mark = isBlocking(f) ? 'FAIL' : 'note';
      console.log(`${mark} ${f.severity}/${f.confidence} ${f.issue} ${f.file}:${f.location} ${f.sample}`.trimEnd());
      if (isBlocking(f)) console.log(`     ${f.description}`);
    }
    console.log(`Electronegativity: ${files} files checked, ${findings.length} findings, ${blocking.length} above LOW.`);
    return blocking.length === 0 ? 0 : 1;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
