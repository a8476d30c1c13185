/**
 * A WXR item's content (HTML, often with WordPress's bare line breaks instead of <p>) as the
 * editor's serialized body, through the shared DOM converter on a parse5 tree (parse5-dom.ts):
 * nothing in it runs, and an import never waits for jsdom to load.
 */
import type { EditorState } from '../../common/domain';
import { htmlToEditorState } from '../../common/editor/from-dom';
import { emptyEditorState, paragraphNode, textNode } from '../../common/editor/state-text';
import { parseBodyHtml } from './parse5-dom';

export function withParagraphs(html: string): string {
  if (/<(p|div|h[1-6]|ul|ol|blockquote|table|figure)[\s>]/i.test(html)) return html;
  return html
    .split(/\r?\n[ \t]*\r?\n\s*/)
    .map((p) => `<p>${p.replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * The post's body for the editor. It never throws: markup the converter cannot take (nested deeper
 * than its recursion goes) keeps its text as plain paragraphs, and onFallback hears why.
 */
export function postBodyFromHtml(html: string, onFallback?: (why: string) => void): EditorState {
  if (!html.trim()) return emptyEditorState();
  const body = parseBodyHtml(withParagraphs(html));
  try {
    return htmlToEditorState(body).body as unknown as EditorState;
  } catch (err) {
    const why = err instanceof RangeError && /call stack/i.test(err.message) ? 'its HTML is nested too deeply to convert' : `its HTML could not be converted (${(err as Error).message})`;
    onFallback?.(`${why}; its text was kept as plain paragraphs`);
    const paras = (body.textContent ?? '').split(/\n[ \t]*\n\s*/).map((t) => t.trim()).filter(Boolean);
    return paras.length ? ({ root: { ...emptyEditorState().root, children: paras.map((t) => paragraphNode([textNode(t)])) } } as EditorState) : emptyEditorState();
  }
}
