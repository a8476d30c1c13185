/** Markdown (CommonMark + GitHub tables/strikethrough) -> HTML with marked, then the HTML path. */
import { marked } from 'marked';
import { parseHtmlDraft } from './html';
import type { DraftDocument } from './document';

export function parseMarkdownDraft(text: string, fileName: string): DraftDocument {
  // Front matter ("---\ntitle: ...\n---") is common in guest authors' Markdown: read title, drop the rest.
  let source = text.replace(/^\ufeff/, '');
  let frontTitle = '';
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (fm) {
    frontTitle = /^title:\s*["']?(.*?)["']?\s*$/m.exec(fm[1])?.[1] ?? '';
    source = source.slice(fm[0].length);
  }
  const html = marked.parse(source, { async: false, gfm: true });
  const draft = parseHtmlDraft(`<!doctype html><body>${html}</body>`, fileName, 'markdown');
  if (frontTitle && !/^#\s/m.test(source)) draft.title = frontTitle.slice(0, 300);
  return draft;
}
