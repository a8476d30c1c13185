/**
 * Word (.docx) -> draft with mammoth: Word's own headings, lists, emphasis, links, images and
 * footnotes become semantic HTML, then the common HTML path. The document's Title style is the
 * draft's title and its Subtitle style the standfirst.
 */
import mammoth from 'mammoth';
import { JSDOM } from 'jsdom';
import { AppError } from '../../common/errors';
import { cleanLine } from './document';
import { docxLosses, plainMammothWarning } from './docx-warnings';
import { htmlDocumentToDraft } from './html';
import type { DraftDocument } from './document';

// The Title paragraph is marked, not made an h1: a document's first "Heading 1" is a heading, not its title.
const STYLE_MAP = [
  "p[style-name='Title'] => p.docx-title:fresh",
  "p[style-name='Subtitle'] => p.standfirst:fresh",
  "p[style-name='Quote'] => blockquote:fresh",
  "p[style-name='Intense Quote'] => blockquote.pullquote:fresh",
  'u => u',
  'strike => s',
];

/** Mammoth writes footnotes as numbered links to a list at the end; the draft keeps them as footnote nodes. */
function inlineFootnotes(doc: Document): void {
  for (const ref of Array.from(doc.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]'))) {
    if (/-ref-/.test(ref.getAttribute('href') ?? '')) continue;
    const id = ref.getAttribute('href')!.slice(1);
    const note = doc.getElementById(id);
    if (!note) continue;
    const copy = note.cloneNode(true) as Element;
    for (const back of Array.from(copy.querySelectorAll('a[href^="#footnote-ref-"]'))) back.remove();
    const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    const sup = ref.closest('sup') ?? ref;
    const marker = doc.createElement('sup');
    marker.setAttribute('data-footnote', text);
    sup.replaceWith(marker);
  }
  for (const li of Array.from(doc.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'))) {
    const list = li.parentElement;
    li.remove();
    if (list && list.children.length === 0) list.remove();
  }
}

export async function parseDocxDraft(data: Uint8Array, fileName: string): Promise<DraftDocument> {
  if (!(data[0] === 0x50 && data[1] === 0x4b)) {
    throw new AppError('IMPORT_FAILED', `${fileName}: not a Word .docx file (a .docx is a zip archive; this file is not one). Nothing was imported.`);
  }
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(data) }, { styleMap: STYLE_MAP });
  } catch (err) {
    throw new AppError('IMPORT_FAILED', `${fileName}: could not read the Word document (${(err as Error).message}). Nothing was imported.`);
  }
  const dom = new JSDOM(`<!doctype html><body>${result.value}</body>`);
  try {
    const doc = dom.window.document;
    inlineFootnotes(doc);
    // The first paragraph in Word's Title style is the title; a later one stays as a paragraph.
    const titleEl = doc.querySelector('p.docx-title');
    const title = titleEl ? cleanLine(titleEl.textContent ?? '') : '';
    if (titleEl && title) titleEl.remove();
    const draft = htmlDocumentToDraft(doc, fileName, 'docx', title || undefined);
    const notes = result.messages.filter((m) => m.type === 'warning' || m.type === 'error').map((m) => plainMammothWarning(m.message));
    for (const note of [...notes, ...docxLosses(data)]) if (note && !draft.warnings.includes(note)) draft.warnings.push(note);
    draft.warnings.splice(40);
    return draft;
  } finally {
    dom.window.close();
  }
}
