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

export function htmlDocumentToDraft(doc: Document, fileName: string, format: DraftFormat): DraftDocument {
  const root = doc.body ?? doc.documentElement;
  const h1 = root?.querySelector('h1');
  let title = h1 ? cleanLine(h1.textContent ?? '') : '';
  if (title) h1!.remove();
  else title = cleanLine(doc.querySelector('title')?.textContent ?? '');
  const sf = root?.querySelector(STANDFIRST);
  const standfirst = sf ? cleanLine(sf.textContent ?? '') : '';
  if (sf) sf.remove();
  const { body, warnings } = htmlToEditorState(doc);
  return {
    format,
    title: (title || titleFromFileName(fileName)).slice(0, 300),
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
