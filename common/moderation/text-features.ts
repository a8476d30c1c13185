/**
 * What the rules and the spam score read in a comment's text: its words (lower case, letters and
 * digits of any script), its links, and whether it contains a word or phrase from a list.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

const TRAILING = /['’_-]+$/;

export function words(text: string): string[] {
  const out = text.toLowerCase().match(WORD) ?? [];
  // Trailing apostrophes, underscores and hyphens are dropped; most words have none, so the
  // last character is looked at before any replace.
  for (let i = 0; i < out.length; i++) {
    const last = out[i].charCodeAt(out[i].length - 1);
    if (last === 39 || last === 0x2019 || last === 95 || last === 45) out[i] = out[i].replace(TRAILING, '');
  }
  return out;
}

const HREF = /<a\b[^>]*\bhref\s*=/gi;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

/**
 * Links in a comment: anchors in its HTML, or addresses written out in its text, whichever is
 * more (an anchor's visible text is often its address, so the two are not added).
 */
export function countLinks(html: string, text: string): number {
  const anchors = html.match(HREF)?.length ?? 0;
  const bare = text.match(BARE_URL)?.length ?? 0;
  return Math.max(anchors, bare);
}

/** A phrase as its words, for matching whole words only ("meds" does not match "medsal"). */
export function phraseWords(phrase: string): string[] {
  return words(phrase);
}

/**
 * The first phrase of the list found in the text's words, whole words in sequence. `index`
 * maps a first word to the phrases starting with it, so a long list costs one lookup a word.
 */
export class PhraseMatcher {
  private readonly byFirst = new Map<string, { phrase: string; words: string[] }[]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const w = phraseWords(phrase);
      if (!w.length) continue;
      const list = this.byFirst.get(w[0]) ?? [];
      list.push({ phrase: phrase.trim(), words: w });
      this.byFirst.set(w[0], list);
    }
  }

  get empty(): boolean {
    return this.byFirst.size === 0;
  }

  find(textWords: readonly string[]): string | null {
    if (this.byFirst.size === 0) return null;
    for (let i = 0; i < textWords.length; i++) {
      const candidates = this.byFirst.get(textWords[i]);
      if (!candidates) continue;
      for (const c of candidates) {
        let ok = true;
        for (let j = 1; j < c.words.length && ok; j++) ok = textWords[i + j] === c.words[j];
        if (ok) return c.phrase;
      }
    }
    return null;
  }
}
