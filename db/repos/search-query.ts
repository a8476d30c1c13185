/**
 * What a person types in a search box, as an FTS5 query and as the words to highlight. Every word
 * is required. A word of MIN_PREFIX letters or more also matches longer words that start with it
 * ("pati" finds "patients"); a shorter one matches whole words only. Without that rule the first
 * letter typed ("t*") matches nearly every comment: 190–280 ms of work at 100,000 comments, which
 * a person typing at normal speed queues in front of the search they actually want.
 */
/** A word as the unicode61 tokenizer sees it: a run of letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[^\u0000-\u007f]/;
const MIN_PREFIX = 3;

export interface SearchWord {
  /** As typed: the tokenizer folds it for the query itself. */
  raw: string;
  /** Case-folded, diacritics removed: as the unicode61 tokenizer indexes it. */
  folded: string;
  prefix: boolean;
}

export function foldWord(w: string): string {
  // Most words are ASCII, which has no diacritics to remove: normalizing them was most of the
  // time a 100-row page spent on highlights.
  if (!NON_ASCII.test(w)) return w.toLowerCase();
  return w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const isPrefix = (folded: string) => [...folded].length >= MIN_PREFIX;

/** The words of a search, as the index will match them. */
export function searchWords(text: string): SearchWord[] {
  return (text.match(WORD) ?? []).map((raw) => {
    const folded = foldWord(raw);
    return { raw, folded, prefix: isPrefix(folded) };
  });
}

/** The FTS5 MATCH expression for a search, or null when it holds no words (it matches nothing). */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  if (!words.length) return null;
  // Words hold only letters and digits, so quoting them cannot change the query's syntax.
  return words.map((w) => `"${w.raw}"${w.prefix ? '*' : ''}`).join(' ');
}
