import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDictionaries } from '../make-dictionaries';
import { BdicWords, readAffSection, verifyBdic } from './read-bdic';

// The real en-GB word list from node_modules/dictionary-en-gb, converted by the build script.
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bdic-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
const written = makeDictionaries(out, () => {});
const file = fs.readFileSync(path.join(out, 'en-GB-10-1.bdic'));
const words = new BdicWords(file);
const aff = readAffSection(file);
const dicPath = path.join(import.meta.dirname, '../../node_modules/dictionary-en-gb/index.dic');

describe('en-GB dictionary built from dictionary-en-gb', () => {
  it('writes the names Chromium asks for, with identical bytes, and passes its digest check', () => {
    expect(written.map((p) => path.basename(p))).toEqual(['en-GB-10-1.bdic', 'en-GB-10-2.bdic']);
    expect(fs.readFileSync(path.join(out, 'en-GB-10-2.bdic')).equals(file)).toBe(true);
    expect(() => verifyBdic(file)).not.toThrow();
  });

  it('finds British spellings and not misspellings', () => {
    for (const good of ['colour', 'organisation', 'centre', 'the', 'world', 'realise']) expect(words.find(good), good).not.toBeNull();
    for (const bad of ['teh', 'wrold', 'colur', 'organisashun']) expect(words.find(bad), bad).toBeNull();
  });

  it('gives each word the flags the .dic gave it, through the AF table', () => {
    const flagsOf = (word: string) => words.find(word)!.map((id) => (id === 0 ? '' : aff.afLines[id].slice(3)));
    expect(flagsOf('colour')).toEqual(['AEGDS']);
    expect(flagsOf('organisation')).toEqual(['ASM']);
    expect(flagsOf('centre')).toEqual(['MGDS']);
    expect(aff.afLines[0]).toBe(`AF ${aff.afLines.length - 1}`);
  });

  it('holds every word of the .dic file, read independently of the converter', () => {
    const lines = fs.readFileSync(dicPath, 'utf8').split('\n').slice(1).filter(Boolean);
    const expected = new Set(lines.map((l) => l.split('/')[0]));
    const stored = [...words.entries()].map(([w]) => w.toString('utf8'));
    expect(stored.length).toBe(expected.size);
    expect(new Set(stored)).toEqual(expected);
    for (const w of lines.slice(0, 2000)) expect(words.find(w.split('/')[0]), w).not.toBeNull();
  });

  it('carries the affix rules and other commands Hunspell needs to accept "colours" and "recoloured"', () => {
    expect(aff.affixRules).toContain('SFX S 0 s [^sxzhy]');
    expect(aff.affixRules).toContain('PFX A 0 re .');
    expect(aff.otherCommands).toEqual(expect.arrayContaining(['TRY esianrtolcdugmphbyfvkwzESIANRTOLCDUGMPHBYFVKWZ\'', 'ICONV 1', "ICONV ’ '", 'COMPOUNDRULE n*1t']));
    expect(aff.otherCommands.some((c) => c.startsWith('SET'))).toBe(false);
    expect(aff.replacements).toContainEqual(['alot', 'a lot']);
  });
});
