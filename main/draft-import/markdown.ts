/** Markdown (CommonMark + GitHub tables/strikethrough, and footnotes) -> HTML with marked, then the HTML path. */
import { marked } from 'marked';
import { markdownFootnotes } from './markdown-footnotes';
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
  const notes = markdownFootnotes(source);
  const html = marked.parse(notes.markdown, { async: false, gfm: true });
  const draft = parseHtmlDraft(`<!doctype html><body>${html}</body>`, fileName, 'markdown');
  draft.warnings.unshift(...notes.warnings);
  if (frontTitle && !/^#\s/m.test(source)) draft.title = frontTitle;
  return draft;
}
