/**
 * Plain text -> draft: paragraphs are separated by blank lines; a line break inside a paragraph
 * stays a line break. A short first paragraph of one line is the title.
 */
import { build, type SerializedBlock, type SerializedInline } from '../../common/editor/serialized';
import { cleanLine, titleFromFileName, type DraftDocument } from './document';

export function splitParagraphs(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => p.split('\n').map(cleanLine).filter(Boolean))
    .filter((lines) => lines.length > 0);
}

export function paragraphBlock(lines: string[]): SerializedBlock {
  const children: SerializedInline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) children.push(build.lineBreak());
    children.push(build.text(line));
  });
  return build.paragraph(children);
}

/** A line that reads as a title: one line, not too long, not ending like a sentence. */
export function looksLikeTitle(lines: string[]): boolean {
  return lines.length === 1 && lines[0].length <= 200 && !/[.,;:]$/.test(lines[0]);
}

export function parseTextDraft(text: string, fileName: string): DraftDocument {
  const paragraphs = splitParagraphs(text);
  let title = titleFromFileName(fileName);
  if (paragraphs.length > 1 && looksLikeTitle(paragraphs[0])) title = paragraphs.shift()![0];
  const blocks = paragraphs.map(paragraphBlock);
  return {
    format: 'text',
    title,
    standfirst: '',
    label: null,
    body: build.root(blocks.length ? blocks : [build.paragraph([])]),
    comments: [],
    warnings: [],
  };
}
