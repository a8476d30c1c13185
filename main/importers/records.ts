/**
 * The reading half of an import: the file streamed through its format's importer, each comment
 * checked for size and sanitized, handed on as events in file order. It never touches the
 * database, so it runs either in the importing thread or in a worker thread beside it
 * (read-thread.ts), while the pipeline writes what it produces.
 */
import type { ImportFormat } from '../../common/domain';
import { commenterIdentity } from '../../common/moderation/commenter';
import { cleanCommentBody } from '../sanitize/comment-html';
import { fileChunks } from './file-source';
import { loadImporter } from './registry';
import { ImportParseError, type CsvMapping, type ImportedComment, type ImportedPost } from './types';

export interface ReadRequest {
  filePath: string;
  /** The name in messages. */
  fileName: string;
  format: ImportFormat;
  csv?: Partial<CsvMapping>;
}

/**
 * A comment as stored: the file's fields with the body sanitized (the raw body is not carried on),
 * the author's link kept only when it is an http(s) address, and the writer's key for moderation
 * (made here, in the reading thread, to spare the writing one).
 */
export type CleanComment = Omit<ImportedComment, 'body' | 'bodyIsHtml'> & { html: string; text: string; authorKey: string };

export type ImportEvent = { kind: 'post'; post: ImportedPost } | { kind: 'comment'; comment: CleanComment } | { kind: 'warning'; message: string };

export interface ReadOptions {
  onChunk?: (bytesRead: number) => void;
  isCancelled?: () => boolean;
  /** Awaited before each chunk after the first: where a worker hands on what it has and waits for the writer. */
  beforeChunk?: () => Promise<void>;
}

export async function readImportFile(req: ReadRequest, emit: (e: ImportEvent) => void, o: ReadOptions = {}): Promise<void> {
  const chunks = fileChunks(req.filePath, {
    fileName: req.fileName,
    onChunk: o.onChunk,
    isCancelled: o.isCancelled,
    xmlDeclaredEncoding: req.format === 'wxr' || req.format === 'disqus',
  });
  const sink = {
    post: (post: ImportedPost) => emit({ kind: 'post', post }),
    comment(c: ImportedComment) {
      checkBodySize(c);
      const { body, bodyIsHtml, ...fields } = c;
      const warn = (why: string) => emit({ kind: 'warning', message: `${c.at}: comment ${c.sourceId.slice(0, 80)}: ${why}` });
      const clean = cleanCommentBody(body, bodyIsHtml, warn);
      const author = { ...c.author, url: authorUrl(c.author.url, warn) };
      emit({ kind: 'comment', comment: { ...fields, author, html: clean.html, text: clean.text, authorKey: commenterIdentity(author).key } });
    },
    warning: (message: string) => emit({ kind: 'warning', message }),
  };
  const importer = await loadImporter(req.format);
  await importer(o.beforeChunk ? paced(chunks, o.beforeChunk) : chunks, sink, { fileName: req.fileName, csv: req.csv });
}

const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/** Author links are shown and exported as links: keep only http(s) addresses. */
function authorUrl(raw: string, warn: (why: string) => void): string {
  const url = raw.trim();
  if (!url || HTTP_URL.test(url)) return url;
  warn(`the author URL "${url.slice(0, 60)}" is not an http(s) address; it was dropped`);
  return '';
}

async function* paced(chunks: AsyncIterable<string>, before: () => Promise<void>): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of chunks) {
    if (!first) await before();
    first = false;
    yield chunk;
  }
}

/** The largest comment body accepted, in UTF-8 bytes: no real comment comes near it. */
export const MAX_COMMENT_BYTES = 1024 * 1024;

/**
 * The most tags an HTML comment body may hold. HTML parsing of deeply nested markup takes time
 * growing with the square of the depth (every table or form start checks the open elements), so
 * a body of thousands of nested tags could stall an import for minutes; no real comment has them.
 */
export const MAX_COMMENT_TAGS = 5000;

function checkBodySize(c: ImportedComment): void {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so shorter bodies need no count.
  if (c.body.length * 3 > MAX_COMMENT_BYTES) {
    const bytes = Buffer.byteLength(c.body, 'utf8');
    if (bytes > MAX_COMMENT_BYTES) {
      const mb = (bytes / (1024 * 1024)).toFixed(1);
      throw new ImportParseError(`${c.at}: comment ${c.sourceId.slice(0, 80)} is ${mb} MB long; the limit is 1 MB per comment`);
    }
  }
  if (c.bodyIsHtml && c.body.length > MAX_COMMENT_TAGS * 3) {
    let tags = 0;
    for (let i = c.body.indexOf('<'); i >= 0; i = c.body.indexOf('<', i + 1)) {
      if (++tags > MAX_COMMENT_TAGS) throw new ImportParseError(`${c.at}: comment ${c.sourceId.slice(0, 80)} holds more than ${MAX_COMMENT_TAGS} HTML tags; refused as markup no comment needs`);
    }
  }
}
