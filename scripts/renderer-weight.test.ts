import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { FIRST_REQUEST_LIMIT, firstRequestProblems, weighRenderer } from './renderer-weight.mjs';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A built renderer in miniature: index.html, and chunks padded with incompressible bytes. */
function renderer(chunks: Record<string, { code: string; pad?: number }>, html: string): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-weight-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  for (const [name, c] of Object.entries(chunks)) {
    const pad = c.pad ? `/*${crypto.randomBytes(c.pad).toString('base64')}*/` : '';
    fs.writeFileSync(path.join(dir, 'assets', name), c.code + pad);
  }
  return dir;
}

const HTML = `<!doctype html><head>
<script type="module" crossorigin src="./assets/index-AAAAAAAA.js"></script>
<link rel="modulepreload" crossorigin href="./assets/runtime-BBBBBBBB.js">
<link rel="stylesheet" href="./assets/index-CCCCCCCC.css"></head>`;

describe('the first request weight', () => {
  it('counts the entry, its modulepreloads and their static imports, and not what import() loads', () => {
    const w = weighRenderer(
      renderer(
        {
          'index-AAAAAAAA.js': { code: `import{a as b}from"./shared-DDDDDDDD.js";const v=()=>import("./DraftsArea-EEEEEEEE.js");` },
          'runtime-BBBBBBBB.js': { code: 'export const r=1;' },
          'shared-DDDDDDDD.js': { code: 'import"./deep-FFFFFFFF.js";export const a=1;' },
          'deep-FFFFFFFF.js': { code: 'export const d=1;' },
          'DraftsArea-EEEEEEEE.js': { code: 'import{x}from"./lexical-GGGGGGGG.js";export{x}from"./shared-DDDDDDDD.js";', pad: 3000 },
          'lexical-GGGGGGGG.js': { code: 'export const x=1;', pad: 9000 },
        },
        HTML,
      ),
    );
    expect(w.firstRequest.files.sort()).toEqual(['assets/deep-FFFFFFFF.js', 'assets/index-AAAAAAAA.js', 'assets/runtime-BBBBBBBB.js', 'assets/shared-DDDDDDDD.js']);
    const later = w.chunks.filter((c: { first: boolean }) => !c.first).map((c: { file: string }) => c.file).sort();
    expect(later).toEqual(['assets/DraftsArea-EEEEEEEE.js', 'assets/lexical-GGGGGGGG.js']);
    // The Drafts area's first screen: the first request plus the area and what it imports.
    const drafts = w.areas.find((a: { area: string }) => a.area === 'Drafts');
    expect(drafts.bytes).toBeGreaterThan(w.firstRequest.bytes + 9000);
    expect(firstRequestProblems(w)).toEqual([]);
  });

  it('fails when the first request is over 150 KB gzipped, naming the files', () => {
    const w = weighRenderer(
      renderer(
        {
          'index-AAAAAAAA.js': { code: 'import"./big-HHHHHHHH.js";' },
          'runtime-BBBBBBBB.js': { code: 'export const r=1;' },
          'big-HHHHHHHH.js': { code: 'export const b=1;', pad: FIRST_REQUEST_LIMIT },
        },
        HTML,
      ),
    );
    expect(w.firstRequest.bytes).toBeGreaterThan(FIRST_REQUEST_LIMIT);
    const problems = firstRequestProblems(w);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/first request loads 1\d\d\.\d KB .*assets\/big-HHHHHHHH\.js.*over the 150\.0 KB limit/);
  });

  it('fails when index.html loads no module script at all', () => {
    const w = weighRenderer(renderer({ 'index-AAAAAAAA.js': { code: '' } }, '<!doctype html><title>x</title>'));
    expect(firstRequestProblems(w)[0]).toMatch(/loads no module script/);
  });
});
