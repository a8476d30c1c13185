import { describe, expect, it } from 'vitest';
import { ftsQuery, searchWords } from './search-query';
import { matchRanges, matchRangesByToken } from './search-highlight';

describe('search query', () => {
  it('makes words of three letters or more prefixes and shorter ones whole words, all required', () => {
    expect(ftsQuery('Pati NHS')).toBe('"Pati"* "NHS"*');
    expect(ftsQuery('t')).toBe('"t"');
    expect(ftsQuery('co op')).toBe('"co" "op"');
    expect(ftsQuery('  ,;  ')).toBeNull();
  });

  it('quotes words so that FTS5 syntax typed into the box is only text', () => {
    expect(ftsQuery('NEAR(a b) OR "x" AND -y*')).toBe('"NEAR"* "a" "b" "OR" "x" "AND"* "y"');
  });

  it('counts letters, not bytes, and folds case and accents for highlighting', () => {
    expect(searchWords('Éva')).toEqual([{ raw: 'Éva', folded: 'eva', prefix: true }]);
    expect(searchWords('éé')).toEqual([{ raw: 'éé', folded: 'ee', prefix: false }]);
  });

  it('highlights what the index matches: prefixes for long words, whole words for short ones', () => {
    const text = 'Teams team tea te T tender';
    const ranges = (q: string) => matchRanges(text, searchWords(q)).map((r) => text.slice(r.start, r.end));
    expect(ranges('tea')).toEqual(['Teams', 'team', 'tea']);
    expect(ranges('te')).toEqual(['te']);
    expect(ranges('T')).toEqual(['T']);
  });

  it('finds in ASCII text exactly the ranges the word-by-word path finds', () => {
    // A seeded generator: short words from a small alphabet make overlaps, prefixes and repeats common.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const letters = 'abAB1 ,.-_\'\n';
    const word = () => Array.from({ length: 1 + rand(4) }, () => 'abAB1'[rand(5)]).join('');
    let compared = 0;
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: rand(40) }, () => letters[rand(letters.length)]).join('');
      const words = searchWords(Array.from({ length: 1 + rand(3) }, word).join(' '));
      const fast = matchRanges(text, words);
      expect(fast, `${JSON.stringify(text)} / ${words.map((w) => w.raw).join(' ')}`).toEqual(matchRangesByToken(text, words));
      compared += fast.length;
    }
    expect(compared).toBeGreaterThan(500); // the cases really contain matches
  });

  it('folds accents in text that is not ASCII', () => {
    const text = 'Café culture, CAFE society, cafés';
    expect(matchRanges(text, searchWords('cafe')).map((r) => text.slice(r.start, r.end))).toEqual(['Café', 'CAFE', 'cafés']);
  });
});
