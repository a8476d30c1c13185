/** The notes collected while rendering the body, as an ordered list at the end with links back. */
import { escapeText } from './escape';

export function renderFootnotes(notes: string[]): string {
  if (!notes.length) return '';
  const items = notes.map(
    (note, i) =>
      `<li id="fn-${i + 1}"><p>${escapeText(note.trim())} <a href="#fnref-${i + 1}" role="doc-backlink" aria-label="Back to reference ${i + 1}">↩\uFE0E</a></p></li>`,
  );
  return `<section class="footnotes" aria-label="Footnotes">\n<ol>\n${items.join('\n')}\n</ol>\n</section>`;
}

export function footnotesText(notes: string[]): string {
  return notes.map((note, i) => `[${i + 1}] ${note.trim()}`).join('\n');
}
