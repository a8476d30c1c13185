/**
 * HTML (a saved web page or an editor's export) -> draft. The title comes from the first <h1>
 * (else <title>), the standfirst from an element marked as one (.standfirst, .lead, .subtitle);
 * everything else goes through the common HTML -> editor conversion. jsdom never runs the page's
 * scripts: it is only a parser here.
 */
import { JSDOM } from 'jsdom';
import { htmlToEditorState } from '../../common/editor/from-dom';
import { cleanLine, titleFromFileName, type DraftDocument, type DraftFormat } from './document';

const STANDFIRST = '.standfirst, .lead, .subtitle, .dek, .summary';

/** knownTitle: the title the source marks as such (Word's Title style); then no h1 is taken for it. */
export function htmlDocumentToDraft(doc: Document, fileName: string, format: DraftFormat, knownTitle?: string): DraftDocument {
  const root = doc.body ?? doc.documentElement;
  const h1 = knownTitle ? null : root?.querySelector('h1');
  let title = knownTitle ?? (h1 ? cleanLine(h1.textContent ?? '') : '');
  if (h1 && title) h1.remove();
  else if (!title) title = cleanLine(doc.querySelector('title')?.textContent ?? '');
  const sf = root?.querySelector(STANDFIRST);
  const standfirst = sf ? cleanLine(sf.textContent ?? '') : '';
  if (sf) sf.remove();
  const { body, warnings } = htmlToEditorState(doc);
  return {
    format,
    title: title || titleFromFileName(fileName),
    standfirst: standfirst.slice(0, 5000),
    label: null,
    body,
    comments: [],
    warnings,
  };
}

export function parseHtmlDraft(html: string, fileName: string, format: DraftFormat = 'html'): DraftDocument {
  const dom = new JSDOM(html);
  try {
    return htmlDocumentToDraft(dom.window.document, fileName, format);
  } finally {
    dom.window.close();
  }
}
