/** Plain-text measures shared by the editor's live counts, the store and the exporter. */

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/** Minutes to read at 230 words a minute, never less than one for a non-empty text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}

export function countCharacters(text: string): number {
  return [...text.replace(/\n/g, '')].length;
}

/**
 * A slug from a title, as WordPress makes them: lower case, Latin accents folded (é -> e), the
 * letters, marks and digits of every other script kept ("مرحبا بالعالم" stays Arabic; a
 * Devanagari vowel sign or a Cyrillic й is part of its letter), hyphens between words.
 */
export function slugify(title: string, maxLength = 80): string {
  const words = title
    .normalize('NFKD')
    // Only Latin letters lose their accents: in other scripts a combining mark changes the letter.
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code point, never inside a surrogate pair, and never leave a mark without its letter.
  const slug = Array.from(words).slice(0, maxLength).join('').replace(/^\p{M}+/u, '').replace(/-+$/g, '');
  return SLUG_PATTERN.test(slug) ? slug : 'untitled';
}

/** A slug: lower-case letters (of any script), marks and digits, single hyphens between. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]*(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]*)*$/u;

/** The longest title a post holds (the posts API refuses more). */
export const TITLE_MAX = 300;

/**
 * A title cut to what a post holds, never in the middle of a surrogate pair; `cutFrom` is the
 * length it had when it was cut (null when it fitted), so the caller can say so rather than cut it
 * without a word.
 */
export function fitTitle(title: string): { title: string; cutFrom: number | null } {
  if (title.length <= TITLE_MAX) return { title, cutFrom: null };
  return { title: title.slice(0, TITLE_MAX).replace(/[\uD800-\uDBFF]$/, ''), cutFrom: title.length };
}
