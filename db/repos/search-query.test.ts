import { describe, expect, it } from 'vitest';
import { ftsQuery, searchWords } from './search-query';
import { matchRanges } from './search-highlight';

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
});
