/**
 * Comments in text copied from a published page (see demo/guest-blog-page.txt).
 *
 * Reusable API: `parsePageTextComments(text)` returns `{ comments, startOffset, endOffset }`.
 * - comments: in page order, each `{ id, name, role, organisation, body, line }`; body is plain
 *   text with paragraphs separated by a blank line (line breaks inside a paragraph kept).
 * - startOffset: index in `text` where the comment section starts (the first `#<id> <name>`
 *   line), or -1 when the text has no comments. `text.slice(0, startOffset)` is the post itself.
 * - endOffset: index just past the last comment's body ("Add new comment" and what follows are
 *   page furniture after it), or -1.
 *
 * Layout of one comment: a line `#<id> <name>`, then the author's role and organisation lines
 * (either may be missing: a single line is taken as the role), a blank line, then the body up to
 * the next `#<id>` line or the page's "Add new comment". A `#<id>` line only starts a comment
 * after a blank line, so a body line like "#1 priority" stays in the body.
 */
import { ImportParseError, type Importer } from './types';

export interface PageTextComment {
  id: string;
  name: string;
  role: string;
  organisation: string;
  body: string;
  /** 1-based line of the `#<id>` line. */
  line: number;
}

export interface PageTextComments {
  comments: PageTextComment[];
  startOffset: number;
  endOffset: number;
}

const HEADER = /^#(\d+)[ \t]+(\S.*?)\s*$/;
const END = /^add new comment\s*$/i;
const MAX_TEXT = 50 * 1024 * 1024;
/** Source name of comments copied from a page (identity is source, post, comment id). */
export const PAGE_SOURCE = 'page';

export function parsePageTextComments(text: string): PageTextComments {
  const lines: { text: string; offset: number }[] = [];
  for (let offset = 0; offset <= text.length; ) {
    let nl = text.indexOf('\n', offset);
    if (nl < 0) nl = text.length;
    lines.push({ text: text.slice(offset, nl).replace(/\r$/, ''), offset });
    offset = nl + 1;
  }
  const blank = (i: number) => i < 0 || lines[i].text.trim() === '';
  const isHeader = (i: number) => HEADER.test(lines[i].text) && blank(i - 1);

  const comments: PageTextComment[] = [];
  let startOffset = -1;
  let endOffset = -1;
  let i = lines.findIndex((_, k) => isHeader(k));
  while (i >= 0 && i < lines.length) {
    const [, id, name] = HEADER.exec(lines[i].text)!;
    if (startOffset < 0) startOffset = lines[i].offset;
    const headerLine = i + 1;
    i++;
    const meta: string[] = [];
    while (i < lines.length && !blank(i) && !isHeader(i) && meta.length < 2 && !END.test(lines[i].text.trim())) meta.push(lines[i++].text.trim());
    while (i < lines.length && blank(i)) i++;
    const body: string[] = [];
    let lastBodyLine = -1;
    while (i < lines.length && !isHeader(i) && !END.test(lines[i].text.trim())) {
      body.push(lines[i].text.trimEnd());
      if (!blank(i)) lastBodyLine = i;
      i++;
    }
    if (lastBodyLine >= 0) endOffset = lines[lastBodyLine].offset + lines[lastBodyLine].text.length;
    else endOffset = lines[headerLine - 1].offset + lines[headerLine - 1].text.length;
    comments.push({
      id,
      name,
      role: meta[0] ?? '',
      organisation: meta[1] ?? '',
      body: body.join('\n').replace(/\n{3,}/g, '\n\n').trim(),
      line: headerLine,
    });
    if (i < lines.length && END.test(lines[i].text.trim())) break;
  }
  return { comments, startOffset, endOffset };
}

export const parsePageText: Importer = async (chunks, sink, { fileName }) => {
  let text = '';
  for await (const chunk of chunks) {
    text += chunk;
    if (text.length > MAX_TEXT) throw new ImportParseError(`${fileName}:1:1: copied page text larger than 50 MB; is this the right file?`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { comments } = parsePageTextComments(text);
  if (!comments.length) {
    throw new ImportParseError(`${fileName}:1:1: no comments found; copied page text has a line "#<id> <name>" before each comment`);
  }
  for (const c of comments) {
    if (!c.body) sink.warning(`${fileName}:${c.line}: comment #${c.id} by ${c.name} has no text`);
    sink.comment({
      sourceId: c.id,
      // The same source the draft importer gives a copied page's comments, so either path finds the other's rows.
      source: PAGE_SOURCE,
      postKey: null,
      parentSourceId: null,
      author: { name: c.name, role: c.role, organisation: c.organisation, email: '', url: '' },
      postedAt: null,
      body: c.body,
      bodyIsHtml: false,
      status: 'approved',
      type: 'comment',
      flags: [],
      at: `${fileName}:${c.line}:1`,
    });
  }
};
