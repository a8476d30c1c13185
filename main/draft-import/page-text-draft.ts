/**
 * Text copied from a published page (see demo/guest-blog-page.txt): the title line,
 * an optional label ("Guest blog"), the standfirst paragraph, the body, a newsletter box, then the
 * reader comments. Page furniture is recognized and left out of the body; the comments travel
 * with the draft so they can be imported onto the new post.
 */
import { build, type SerializedBlock } from '../../common/editor/serialized';
import { cleanLine, titleFromFileName, type DraftDocument } from './document';
import { parsePageTextComments } from '../importers/page-text';
import { looksLikeTitle, paragraphBlock, splitParagraphs } from './text';

const NEWSLETTER = /\b(subscribe|newsletters?|sign up|mailing list|follow us)\b/i;
const PAGE_END = /^(add new comment|leave a (comment|reply)|post a comment)$/im;

/** A short line that is a label or a box's heading, not a sentence. */
function isShortLine(lines: string[], maxLength: number): boolean {
  return looksLikeTitle(lines) && lines[0].length <= maxLength && !/[.!?]$/.test(lines[0]);
}

/** True when the text has the furniture of a copied page: a comment section or its closing link. */
export function looksLikePageText(text: string): boolean {
  return parsePageTextComments(text).comments.length > 0 || PAGE_END.test(text);
}

export function parsePageTextDraft(text: string, fileName: string): DraftDocument {
  const source = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const { comments, startOffset } = parsePageTextComments(source);
  const article = startOffset >= 0 ? source.slice(0, startOffset) : source;
  const paragraphs = splitParagraphs(article).filter((p) => !(p.length === 1 && PAGE_END.test(p[0])));
  const warnings: string[] = [];

  let title = titleFromFileName(fileName);
  if (paragraphs.length && paragraphs[0][0].length <= 300) {
    const first = paragraphs.shift()!;
    title = first[0];
    if (first.length > 1) paragraphs.unshift(first.slice(1));
  }
  let label: string | null = null;
  if (paragraphs.length > 1 && isShortLine(paragraphs[0], 40) && paragraphs[0][0].split(' ').length <= 4) label = paragraphs.shift()![0];

  // A newsletter box near the end ("Keep up to date" / "Subscribe to our email newsletters ...").
  const tailFrom = Math.max(0, paragraphs.length - 3);
  const box = paragraphs.findIndex((p, i) => i >= tailFrom && NEWSLETTER.test(p.join(' ')));
  if (box >= 0) {
    const from = box > 0 && isShortLine(paragraphs[box - 1], 60) ? box - 1 : box;
    const removed = paragraphs.splice(from);
    warnings.push(`The newsletter box ("${removed[0][0].slice(0, 60)}") was left out of the body.`);
  }

  let standfirst = '';
  if (paragraphs.length >= 3) standfirst = paragraphs.shift()!.join(' ');
  const blocks: SerializedBlock[] = paragraphs.map((p, i) =>
    // A short line followed by more text is a subheading on the page.
    i < paragraphs.length - 1 && isShortLine(p, 80) && p[0].split(' ').length <= 12 ? build.heading('h2', [build.text(p[0])]) : paragraphBlock(p),
  );
  if (comments.length) warnings.push(`${comments.length} reader comment${comments.length === 1 ? '' : 's'} found below the post; imported as comments, not as text.`);
  return {
    format: 'page-text',
    title: cleanLine(title),
    standfirst: standfirst.slice(0, 5000),
    label,
    body: build.root(blocks.length ? blocks : [build.paragraph([])]),
    comments,
    warnings,
  };
}
