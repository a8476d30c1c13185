/**
 * `npm run check:electron` (and a stage of `npm test`): Doyensec's Electronegativity over the code
 * that ships (main/, common/, db/, renderer/), failing on any finding above LOW.
 *
 * Electronegativity always exits 0, so we write its findings as CSV to a temp file and judge them
 * here. The sources are copied into a temp folder first: pointing the tool at the project root
 * would make it walk node_modules, dist and release, and tests are not shipped. The Electron
 * version is the installed one, so the tool never needs the network to guess it.
 *
 * A finding that a reviewer has checked is silenced in the source with an
 * `// eng-disable CHECK_NAME` comment on the flagged line, saying why; nothing is silenced here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHIPPED = ['main', 'common', 'db', 'renderer'];
const SOURCE = /\.(ts|tsx|js|mjs|cjs|jsx|html|htm)$/;
const NOT_SHIPPED = /(\.test\.tsx?$|\.spec\.tsx?$|(^|\/)(node_modules|dist|testing|__fixtures__)\/)/;
const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

export interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

/** Splits one CSV line the way the tool writes it: fields quoted with ", quotes doubled inside. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

export function parseFindings(csv: string): Finding[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0 || !lines[0].startsWith('issue')) throw new Error('Electronegativity wrote no CSV header; its output cannot be trusted.');
  return lines.slice(1).map((line) => {
    const [issue, severity, confidence, file, location, sample, description] = splitCsvLine(line);
    return { issue, severity: severity.toUpperCase(), confidence, file, location, sample, description };
  });
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

function installedElectronVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function main(): number {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-eng-'));
  try {
    const src = path.join(work, 'src');
    const files = copyShipped(src);
    const csv = path.join(work, 'findings.csv');
    const bin = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
    if (!fs.existsSync(bin)) {
      console.error('Electronegativity is not installed (npm install); the Electron checklist was not checked.');
      return 1;
    }
    const run = spawnSync(process.execPath, [bin, '-i', src, '-o', csv, '-r', '-v', 'false', '-e', installedElectronVersion()], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (run.error || !fs.existsSync(csv)) {
      console.error(`Electronegativity did not run: ${run.error?.message ?? run.stderr}`);
      return 1;
    }
    const findings = parseFindings(fs.readFileSync(csv, 'utf8'));
    const blocking = findings.filter(isBlocking);
    for (const f of findings) {
      const mark = isBlocking(f) ? 'FAIL' : 'note';
      console.log(`${mark} ${f.severity}/${f.confidence} ${f.issue} ${f.file}:${f.location} ${f.sample === 'N/A' ? '' : f.sample}`.trimEnd());
      if (isBlocking(f)) console.log(`     ${f.description}`);
    }
    console.log(`Electronegativity: ${files} files checked, ${findings.length} findings, ${blocking.length} above LOW.`);
    return blocking.length === 0 ? 0 : 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
