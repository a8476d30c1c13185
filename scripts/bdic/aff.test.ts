import { describe, expect, it } from 'vitest';
import { readAff } from './aff';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const lines = (bufs: Buffer[]) => bufs.map((b) => b.toString('utf8'));

describe('reading a Hunspell .aff', () => {
  const aff = readAff(
    utf8(
      [
        '# Copyright line',
        '# second line',
        '',
        'SET UTF-8',
        'TRY esiñ',
        'NOSUGGEST !',
        'PFX A Y 1',
        'PFX A   0     re         .',
        'SFX D Y 2',
        'SFX D   y     ied/XY     [^aeiou]y   po:verb',
        'SFX D   0     ed         [^ey]  # trailing comment',
        'REP 2',
        'REP alot a_lot',
        'REP f ph',
        'COMPOUNDRULE n*1t',
      ].join('\n'),
    ),
  );

  it('keeps the comment block before the first command and drops SET (a BDIC is always UTF-8)', () => {
    expect(aff.comment.toString('utf8')).toBe('# Copyright line\n# second line\n');
    expect(lines(aff.otherCommands)).toEqual(['TRY esiñ', 'NOSUGGEST !', 'COMPOUNDRULE n*1t']);
    expect(aff.encoding).toBe('UTF-8');
  });

  it('normalises affix lines and turns continuation flags into an AF group index', () => {
    expect(lines(aff.affixRules)).toEqual([
      'PFX A Y 1',
      'PFX A 0 re .',
      'SFX D Y 2',
      'SFX D y ied/1 [^aeiou]y',
      'SFX D 0 ed [^ey]',
    ]);
    expect(aff.groups.flagStrings()).toEqual(['XY']);
    expect(aff.groups.indexed).toBe(false);
  });

  it('reads REP pairs after the count line, with underscores as spaces', () => {
    expect(aff.replacements.map(([a, b]) => [a.toString(), b.toString()])).toEqual([
      ['alot', 'a lot'],
      ['f', 'ph'],
    ]);
  });

  it('re-encodes text from an ISO8859-1 file to UTF-8 but leaves flag bytes alone', () => {
    const latin1 = Buffer.from('SET ISO8859-1\nTRY \xe9a\nSFX \xe9 Y 1\nSFX \xe9 0 \xe9e .\n', 'latin1');
    const a = readAff(latin1);
    expect(lines(a.otherCommands)).toEqual(['TRY éa']);
    // The flag stays the single byte 0xE9; the affix text becomes UTF-8 (C3 A9).
    expect(a.affixRules[1]).toEqual(Buffer.concat([Buffer.from('SFX \xe9 ', 'latin1'), utf8('0 ée .')]));
  });

  it('uses the file\'s own AF table when it has one: groups are numbered from 1 in order', () => {
    const a = readAff(utf8('AF 2\nAF AB # 1\nAF C # 2\nSFX A Y 1\nSFX A 0 s/2 .\n'));
    expect(a.groups.indexed).toBe(true);
    expect(a.groups.flagStrings()).toEqual(['AB', 'C']);
    expect(lines(a.affixRules)[1]).toBe('SFX A 0 s/2 .');
  });

  it('refuses commands Chromium cannot honour, saying where', () => {
    expect(() => readAff(utf8('SET UTF-8\nIGNORE x\n'), 'x.aff')).toThrow(/^x\.aff:2: IGNORE is not supported/);
    expect(() => readAff(utf8('COMPLEXPREFIXES\n'), 'x.aff')).toThrow(/^x\.aff:1: COMPLEXPREFIXES/);
  });

  it('reports a malformed affix entry and undecodable text with file and line', () => {
    expect(() => readAff(utf8('SFX A Y 1\nSFX A 0 s\n'), 'x.aff')).toThrow(/^x\.aff:2: an affix entry needs/);
    expect(() => readAff(Buffer.from('SET UTF-8\nTRY \xff\xfe\n', 'latin1'), 'x.aff')).toThrow(/^x\.aff:2: bytes that are not valid UTF-8/);
    expect(() => readAff(utf8('REP 1\nREP nospace\n'), 'x.aff')).toThrow(/^x\.aff:2: REP needs/);
  });
});
