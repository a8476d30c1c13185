/**
 * A WXR item's content (HTML, often with WordPress's bare line breaks instead of <p>) as the
 * editor's serialized body, through the shared DOM converter on a parse5 tree (parse5-dom.ts):
 * nothing in it runs, and an import never waits for jsdom to load.
 */
import type { EditorState } from '../../common/domain';
import { htmlToEditorState } from '../../common/editor/from-dom';
import { emptyEditorState } from '../../common/editor/state-text';
import { parseBodyHtml } from './parse5-dom';

export function withParagraphs(html: string): string {
  if (/<(p|div|h[1-6]|ul|ol|blockquote|table|figure)[\s>]/i.test(html)) return html;
  return html
    .split(/\r?\n[ \t]*\r?\n\s*/)
    .map((p) => `<p>${p.replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

export function postBodyFromHtml(html: string): EditorState {
  if (!html.trim()) return emptyEditorState();
  return htmlToEditorState(parseBodyHtml(withParagraphs(html))).body as unknown as EditorState;
}
