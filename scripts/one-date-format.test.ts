/**
 * One date format in the window: every date the renderer shows goes through renderer/format/dates.ts.
 * A view that builds its own Intl.DateTimeFormat or calls a Date's toLocale… methods would bring a
 * second style back (the revisions once read "6 Dec, 20:59" beside the list's "6 Dec 2026, 20:59",
 * the planned dates "2026-12-06", and My work "06/12/2026, 20:59:00").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const RENDERER = join(ROOT, 'renderer');
const FORMATTER = join(RENDERER, 'format', 'dates.ts');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

// Ways of turning a date into text other than the formatter module.
const OWN_FORMATTING = [/Intl\.DateTimeFormat/, /toLocaleDateString|toLocaleTimeString/, /new Date\([^)]*\)\.toLocaleString/, /\.toUTCString\(\)/];

describe('one date format in the window', () => {
  it('no renderer file formats a date except renderer/format/dates.ts', () => {
    const offenders = sources(RENDERER)
      .filter((f) => f !== FORMATTER)
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        return OWN_FORMATTING.filter((re) => re.test(text)).map((re) => `${relative(ROOT, f)}: ${re.source}`);
      });
    expect(offenders).toEqual([]);
  });

  it('the check would see a view that formats on its own', () => {
    expect(OWN_FORMATTING.some((re) => re.test("new Date(x).toLocaleString('en-GB')"))).toBe(true);
    expect(OWN_FORMATTING.some((re) => re.test("new Intl.DateTimeFormat('en-GB', {})"))).toBe(true);
  });

  it('dates in lists show through the formatter, not as stored', () => {
    const row = readFileSync(join(RENDERER, 'features', 'drafts', 'DraftRow.tsx'), 'utf8');
    expect(row).not.toMatch(/planned \$\{post\.plannedDate\}/);
    expect(row).toMatch(/formatDate\(post\.plannedDate\)/);
  });
});
