/**
 * Search hits as ranges of a comment's text, for highlighting. FTS5's highlight() re-runs the
 * whole match for each row asked about (seconds for a common word at 100,000 comments), so the
 * tokenizer's rules are applied here instead: unicode61 words, case-folded, diacritics removed,
 * each query word a prefix, as ftsQuery in posts.ts builds the MATCH.
 */
const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[^\u0000-\u007f]/;

export function foldWord(w: string): string {
  // Most words are ASCII, which has no diacritics to remove: normalizing them was most of the
  // time a 100-row page spent on highlights.
  if (!NON_ASCII.test(w)) return w.toLowerCase();
  return w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchWords(search: string): string[] {
  return (search.match(WORD) ?? []).map(foldWord);
}

export function matchRanges(text: string, words: string[]): { start: number; end: number }[] {
  if (!words.length) return [];
  const ranges: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldWord(m[0]);
    if (words.some((w) => folded.startsWith(w))) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}
