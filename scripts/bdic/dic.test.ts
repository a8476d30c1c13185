import { describe, expect, it } from 'vitest';
import { readAff } from './aff';
import { readDic } from './dic';

const aff = () => readAff(Buffer.from('SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n'));
const words = (d: ReturnType<typeof readDic>) => d.words.map((w) => [w.word.toString('utf8'), w.affixes]);

describe('reading a Hunspell .dic', () => {
  it('skips the count line, maps each flag string to one AF group and sorts byte-wise', () => {
    const a = aff();
    const d = readDic(Buffer.from('4\nzebra/SM\napple/S\nApple\ncafé/SM\n'), a);
    expect(words(d)).toEqual([
      ['Apple', [0]],
      ['apple', [2]],
      ['café', [1]],
      ['zebra', [1]],
    ]);
    expect(a.groups.flagStrings()).toEqual(['SM', 'S']);
  });

  it('merges a word listed twice into one entry holding both groups, largest id first', () => {
    const d = readDic(Buffer.from('2\nlead/S\nlead/M\nlead\n'), aff());
    expect(words(d)).toEqual([['lead', [2, 1, 0]]]);
  });

  it('handles escaped slashes, morphological fields after a tab, and comments', () => {
    const d = readDic(Buffer.from('3\nand\\/or\nrun/S\tpo:verb\nwalk\tpo:verb\n# a comment\n'), aff());
    expect(words(d)).toEqual([
      ['and/or', [0]],
      ['run', [1]],
      ['walk', [0]],
    ]);
  });

  it('re-encodes words from the declared character set', () => {
    const latin = readAff(Buffer.from('SET ISO8859-1\n'));
    const d = readDic(Buffer.from('1\nna\xefve\n', 'latin1'), latin);
    expect(d.words[0].word).toEqual(Buffer.from('naïve', 'utf8'));
  });

  it('leaves out words too long for Chromium and reports them', () => {
    const long = 'x'.repeat(130);
    const d = readDic(Buffer.from(`2\nok\n${long}\n`), aff());
    expect(words(d)).toEqual([['ok', [0]]]);
    expect(d.skipped).toEqual([long]);
  });

  it('reports bad input with file and line', () => {
    expect(() => readDic(Buffer.from('word\n'), aff(), 'en.dic')).toThrow(/^en\.dic:1: the first line of a \.dic must be the word count/);
    const indexed = readAff(Buffer.from('AF 1\nAF S\n'));
    expect(() => readDic(Buffer.from('1\ncat/7\n'), indexed, 'en.dic')).toThrow(/^en\.dic:2: flag alias "7" is not an AF index between 1 and 1/);
    expect(() => readDic(Buffer.from('0\n'), aff(), 'en.dic')).toThrow(/en\.dic: no words/);
  });
});
