/**
 * Search hits as ranges of a comment's text, for highlighting. FTS5's highlight() re-runs the
 * whole match for each row asked about (seconds for a common word at 100,000 comments), so the
 * tokenizer's rules are applied here instead, with the words as search-query.ts matches them.
 */
import type { TextRange } from '../../common/api/comments';
import { foldWord, WORD, type SearchWord } from './search-query';

const NON_ASCII = /[^\u0000-\u007f]/;

export function matchRanges(text: string, words: SearchWord[]): TextRange[] {
  if (!words.length) return [];
  return NON_ASCII.test(text) ? tokenRanges(text, words) : asciiRanges(text, words);
}

/** Any text: every word of it folded and compared. */
function tokenRanges(text: string, words: SearchWord[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldWord(m[0]);
    if (words.some((w) => (w.prefix ? folded.startsWith(w.folded) : folded === w.folded))) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * ASCII text, most comments: its words are runs of [A-Za-z0-9] and fold to lower case, so each
 * search word is found with indexOf rather than by folding every word of the text. Same ranges
 * as tokenRanges (the tests compare the two), in about half the time for a 100-row page.
 */
function asciiRanges(text: string, words: SearchWord[]): TextRange[] {
  const lower = text.toLowerCase();
  const ends = new Map<number, number>();
  for (const w of words) {
    const needle = w.folded;
    for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, i + 1)) {
      if (i > 0 && isAsciiWordChar(lower.charCodeAt(i - 1))) continue; // inside a word
      let end = i + needle.length;
      const longer = end < lower.length && isAsciiWordChar(lower.charCodeAt(end));
      if (longer && !w.prefix) continue;
      while (end < lower.length && isAsciiWordChar(lower.charCodeAt(end))) end++;
      ends.set(i, end);
    }
  }
  return [...ends].sort((a, b) => a[0] - b[0]).map(([start, end]) => ({ start, end }));
}

/** The general path alone, for tests that hold the ASCII path to it. */
export const matchRangesByToken = tokenRanges;
