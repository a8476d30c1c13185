/**
 * Search hits as ranges of a comment's text, for highlighting. FTS5's highlight() re-runs the
 * whole match for each row asked about (seconds for a common word at 100,000 comments), so the
 * tokenizer's rules are applied here instead, with the words as search-query.ts matches them.
 */
import { foldWord, WORD, type SearchWord } from './search-query';

export function matchRanges(text: string, words: SearchWord[]): { start: number; end: number }[] {
  if (!words.length) return [];
  const ranges: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldWord(m[0]);
    if (words.some((w) => (w.prefix ? folded.startsWith(w.folded) : folded === w.folded))) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}
