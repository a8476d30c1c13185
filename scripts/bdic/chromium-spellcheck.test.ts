/**
 * The decisive check: a real Chromium loads the dictionary this converter writes and marks
 * misspellings with it. Chromium (like Electron) reads `<user data>/Dictionaries/<lang>-<ver>.bdic`,
 * verifies its MD5 (deleting a file that fails), and draws a red squiggle under unknown words.
 * The squiggle is measured in a screenshot: red pixels in the lower half of each word's box.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDictionaries } from '../make-dictionaries';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const WORDS = ['teh', 'colour', 'wrold', 'organisations', 'recoloured'];
const MISSPELT = ['teh', 'wrold'];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-chromium-spell-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const built = makeDictionaries(path.join(tmp, 'built'), () => {});

interface Run {
  /** Red squiggle pixels under each word. */
  marks: Record<string, number>;
  /** What is left in the profile's Dictionaries folder afterwards. */
  dictionaries: string[];
}

/** Types the words into a fresh profile whose Dictionaries folder holds `files`, and measures the marks. */
async function spellcheck(name: string, files: Record<string, Buffer>, settle: 'until-marked' | 'fixed'): Promise<Run> {
  const profile = path.join(tmp, name);
  fs.mkdirSync(path.join(profile, 'Dictionaries'), { recursive: true });
  fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
  for (const [file, bytes] of Object.entries(files)) fs.writeFileSync(path.join(profile, 'Dictionaries', file), bytes);
  fs.writeFileSync(
    path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({ spellcheck: { dictionaries: ['en-GB'], use_spelling_service: false }, intl: { accept_languages: 'en-GB' } }),
  );
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 900, height: 200 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setContent(
      '<div id="ed" contenteditable="true" spellcheck="true" lang="en-GB" style="font: 28px sans-serif; padding: 12px; outline: none; caret-color: transparent"></div>',
    );
    await page.click('#ed');
    await page.keyboard.type(`${WORDS.join(' ')} `);
    const measure = async () => {
      const boxes = await page.evaluate((words) => {
        const text = document.getElementById('ed')!.firstChild!;
        const content = text.textContent ?? '';
        return words.map((word) => {
          const range = document.createRange();
          const start = content.indexOf(word);
          range.setStart(text, start);
          range.setEnd(text, start + word.length);
          const r = range.getBoundingClientRect();
          return { x: r.left, y: r.top + r.height / 2, width: r.width, height: r.height / 2 + 3 };
        });
      }, WORDS);
      const marks: Record<string, number> = {};
      for (const [i, box] of boxes.entries()) marks[WORDS[i]] = await redPixels(context, await page.screenshot({ clip: box }));
      return marks;
    };
    let marks = await measure();
    const deadline = Date.now() + (settle === 'until-marked' ? 20_000 : 5_000);
    while (Date.now() < deadline && (settle === 'fixed' || !MISSPELT.every((w) => marks[w] > 0))) {
      await page.waitForTimeout(500);
      marks = await measure();
    }
    return { marks, dictionaries: fs.readdirSync(path.join(profile, 'Dictionaries')).sort() };
  } finally {
    await context.close();
  }
}

/** Counts clearly red pixels in a PNG, decoded by the browser itself (no image library needed). */
async function redPixels(context: import('@playwright/test').BrowserContext, png: Buffer): Promise<number> {
  const page = await context.newPage();
  try {
    return await page.evaluate(async (dataUrl) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      let red = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] - Math.max(d[i + 1], d[i + 2]) > 60) red++;
      return red;
    }, `data:image/png;base64,${png.toString('base64')}`);
  } finally {
    await page.close();
  }
}

const ours = () => {
  const bytes = fs.readFileSync(built[0]);
  // Chromium up to 151 asks for -10-1, Chromium 154+ (Electron 45, Debian's 156) for -10-2: offer both.
  return { 'en-GB-10-1.bdic': bytes, 'en-GB-10-2.bdic': bytes };
};

describe('Chromium spellcheck with the converted en-GB dictionary', () => {
  it('marks misspellings and leaves British spellings, plurals and prefixed forms alone', { timeout: 60_000 }, async () => {
    const run = await spellcheck('ours', ours(), 'until-marked');
    for (const w of MISSPELT) expect(run.marks[w], `${w}: ${JSON.stringify(run.marks)}`).toBeGreaterThan(5);
    for (const w of WORDS.filter((x) => !MISSPELT.includes(x))) expect(run.marks[w], `${w}: ${JSON.stringify(run.marks)}`).toBe(0);
    // Chromium checked the file and kept it (it deletes one that fails its digest check).
    expect(run.dictionaries).toEqual(['en-GB-10-1.bdic', 'en-GB-10-2.bdic']);
  });

  it('marks nothing when the Dictionaries folder is empty, so the marks come from our file', { timeout: 60_000 }, async () => {
    const run = await spellcheck('empty', {}, 'fixed');
    expect(Object.values(run.marks).every((n) => n === 0), JSON.stringify(run.marks)).toBe(true);
  });

  it('deletes a dictionary whose digest does not match and marks nothing', { timeout: 60_000 }, async () => {
    const broken = Object.fromEntries(
      Object.entries(ours()).map(([name, bytes]) => {
        const copy = Buffer.from(bytes);
        copy[copy.length - 1] ^= 0xff; // one flipped bit in the trie: the MD5 no longer matches
        return [name, copy];
      }),
    );
    const run = await spellcheck('tampered', broken, 'fixed');
    expect(Object.values(run.marks).every((n) => n === 0), JSON.stringify(run.marks)).toBe(true);
    expect(run.dictionaries).not.toContain('en-GB-10-2.bdic');
  });
});
