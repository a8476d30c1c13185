/**
 * One import, start to finish: detect the format, stream the file through its importer,
 * sanitize each comment and write it through CommentImportWriter on a connection of its own,
 * inside one BEGIN IMMEDIATE ... COMMIT. Any fatal error, or a cancel, rolls everything back.
 * A preview is the same run ending in ROLLBACK, so its counts (new, updated, unchanged) are exact.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { DB } from '../../db/connection';
import { COMMENT_STATUSES, type CommentStatus, type ImportFormat } from '../../common/domain';
import { AppError } from '../../common/errors';
import { CommentImportWriter, recordImportRun } from '../../db/repos/comment-import';
import { cleanCommentBody } from '../sanitize/comment-html';
import { detectFormat, FORMATS_WITH_POSTS } from './detect';
import { CancelledError, fileChunks, readHead, refuseUnreadable } from './file-source';
import { postBodyFromHtml } from './post-body';
import { IMPORTERS } from './registry';
import { ImportParseError, type CsvMapping, type ImportedComment, type ImportedPost } from './types';

export interface ImportRequest {
  filePath: string;
  /** The name shown in messages (an upload's original name). */
  fileName?: string;
  format?: ImportFormat | 'auto';
  /** Slug of the post that comments without post information attach to. */
  postSlug?: string;
  csv?: Partial<CsvMapping>;
}

export type StatusCounts = Record<CommentStatus, number>;

/** Comments the file gave no status, so the import chose one (pending), grouped by why. */
export interface DefaultedStatus {
  reason: string;
  status: CommentStatus;
  count: number;
}

export interface ImportSummary {
  format: ImportFormat;
  posts: number;
  comments: { imported: number; updated: number; unchanged: number; byStatus: StatusCounts };
  defaultedStatus: DefaultedStatus[];
  warnings: string[];
}

export interface PreviewPost {
  postId: string;
  slug: string;
  title: string;
  isNew: boolean;
  byStatus: StatusCounts;
}
export interface PreviewComment {
  sourceId: string;
  postSlug: string;
  author: string;
  postedAt: string | null;
  status: CommentStatus;
  text: string;
}
export interface ImportPreview extends ImportSummary {
  byPost: PreviewPost[];
  firstComments: PreviewComment[];
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  comments: number;
  imported: number;
  updated: number;
  unchanged: number;
}

export interface RunOptions {
  /** Opens a second connection to the store; the import writes only through it and closes it. */
  openDb: () => DB;
  dryRun?: boolean;
  onProgress?: (p: ImportProgress) => void;
  isCancelled?: () => boolean;
}

const MAX_WARNINGS = 200;
const PREVIEW_COMMENTS = 10;
const PREVIEW_POSTS = 100;

const zeroStatus = (): StatusCounts => ({ approved: 0, pending: 0, spam: 0, trash: 0 });

export function resolveFormat(req: ImportRequest): ImportFormat {
  const name = req.fileName ?? path.basename(req.filePath);
  const head = readHead(req.filePath);
  refuseUnreadable(head, name);
  if (req.format && req.format !== 'auto') return req.format;
  const detected = detectFormat(head, name);
  if (!detected) {
    throw new AppError('IMPORT_FAILED', `${name}:1:1: the format could not be recognised (WordPress WXR, Disqus XML, CSV, JSON or copied page text); choose it explicitly; nothing was imported`);
  }
  return detected;
}

export async function runImport(req: ImportRequest, o: RunOptions & { dryRun: true }): Promise<ImportPreview>;
export async function runImport(req: ImportRequest, o: RunOptions): Promise<ImportSummary>;
export async function runImport(req: ImportRequest, o: RunOptions): Promise<ImportSummary | ImportPreview> {
  const fileName = req.fileName ?? path.basename(req.filePath);
  if (!fs.existsSync(req.filePath) || !fs.statSync(req.filePath).isFile()) throw new AppError('NOT_FOUND', `${fileName}: no such file.`);
  const format = resolveFormat(req);
  const totalBytes = fs.statSync(req.filePath).size;
  const db = o.openDb();
  let writer!: CommentImportWriter;
  const byStatus = zeroStatus();
  const defaulted = new Map<string, DefaultedStatus>();
  const warnings: string[] = [];
  let droppedWarnings = 0;
  const warn = (m: string) => (warnings.length < MAX_WARNINGS ? warnings.push(m) : droppedWarnings++);
  const postIds = new Map<string, string>();
  const byPost = new Map<string, PreviewPost>();
  const firstComments: PreviewComment[] = [];
  const source = format;
  let processed = 0;

  let forcedPost: string | null = null;
  if (req.postSlug) {
    const row = db.prepare('SELECT id FROM posts WHERE slug = ? AND deleted_at IS NULL').get(req.postSlug) as { id: string } | undefined;
    if (!row) {
      db.close();
      throw new AppError('NOT_FOUND', `No post with slug "${req.postSlug}"; \`workbench posts\` lists them; nothing was imported.`);
    }
    if (FORMATS_WITH_POSTS.includes(format)) warn(`--post is ignored for ${format}: the file names the post of each comment`);
    else forcedPost = row.id;
  }

  const postFor = (c: ImportedComment): string => {
    if (forcedPost) return forcedPost;
    if (c.postKey !== null) {
      const known = postIds.get(c.postKey);
      if (known) return known;
      if (!FORMATS_WITH_POSTS.includes(format)) {
        // CSV/JSON name posts by slug or link; an unknown one gets a post of its own.
        const key = c.postKey;
        const row = db.prepare('SELECT id FROM posts WHERE (slug = ? OR source_url = ?) AND deleted_at IS NULL LIMIT 1').get(key, key) as { id: string } | undefined;
        const id = row?.id ?? writer.ensurePost({ source, sourceId: key, title: key, link: /^https?:\/\//.test(key) ? key : '', slug: /^https?:\/\//.test(key) ? '' : key, publishedAt: null, body: () => postBodyFromHtml('') });
        if (!row) warn(`${c.at}: no post "${key.slice(0, 80)}" exists; a post was created for its comments`);
        postIds.set(key, id);
        return id;
      }
    }
    throw new ImportParseError(`${c.at}: this ${format === 'text' ? 'page text' : format.toUpperCase()} file does not say which post its comments belong to; choose a post${o.dryRun ? '' : ' (--post <slug>)'}`);
  };

  const previewPost = (postId: string): PreviewPost => {
    let p = byPost.get(postId);
    if (!p) {
      const row = db.prepare('SELECT slug, title, created_at FROM posts WHERE id = ?').get(postId) as { slug: string; title: string };
      p = { postId, slug: row.slug, title: row.title, isNew: false, byStatus: zeroStatus() };
      if (byPost.size < PREVIEW_POSTS) byPost.set(postId, p);
    }
    return p;
  };

  const sink = {
    post(p: ImportedPost) {
      const created = writer.postsCreated;
      const id = writer.ensurePost({ source, sourceId: p.key, title: p.title, link: p.link, slug: p.slug, publishedAt: p.publishedAt, body: () => postBodyFromHtml(p.contentHtml) });
      postIds.set(p.key, id);
      if (o.dryRun && writer.postsCreated > created) previewPost(id).isNew = true;
    },
    comment(c: ImportedComment) {
      checkBodySize(c);
      const postId = postFor(c);
      const body = cleanCommentBody(c.body, c.bodyIsHtml);
      const outcome = writer.upsert({
        postId,
        source: c.source ?? source,
        sourceId: c.sourceId,
        parentSourceId: c.parentSourceId,
        author: { ...c.author, url: authorUrl(c, warn) },
        postedAt: c.postedAt,
        html: body.html,
        text: body.text,
        status: c.status,
        type: c.type,
        flags: c.flags,
      });
      if (outcome === 'duplicate') {
        warn(`${c.at}: comment ${c.sourceId.slice(0, 80)} appears again in this file for the same post; the first copy was kept and this one skipped`);
        return;
      }
      byStatus[c.status]++;
      if (c.statusDefaulted) {
        const key = `${c.status}\u0000${c.statusDefaulted}`;
        const d = defaulted.get(key) ?? { reason: c.statusDefaulted, status: c.status, count: 0 };
        d.count++;
        defaulted.set(key, d);
      }
      processed++;
      if (o.dryRun) {
        const p = previewPost(postId);
        p.byStatus[c.status]++;
        if (firstComments.length < PREVIEW_COMMENTS) {
          firstComments.push({ sourceId: c.sourceId, postSlug: p.slug, author: c.author.name, postedAt: c.postedAt, status: c.status, text: body.text.slice(0, 600) });
        }
      }
    },
    warning: warn,
  };

  const progress = (bytesRead: number) =>
    o.onProgress?.({ bytesRead, totalBytes, comments: processed, ...(writer?.counts ?? { imported: 0, updated: 0, unchanged: 0 }) });

  db.exec('BEGIN IMMEDIATE');
  try {
    writer = new CommentImportWriter(db);
    const chunks = fileChunks(req.filePath, { fileName, onChunk: progress, isCancelled: o.isCancelled, xmlDeclaredEncoding: format === 'wxr' || format === 'disqus' });
    await IMPORTERS[format](chunks, sink, { fileName, csv: req.csv });
    if (o.isCancelled?.()) throw new CancelledError();
    const { orphanCount, orphans } = writer.finish();
    if (orphanCount) {
      const some = orphans.slice(0, 5).map((x) => `${x.sourceId} (parent ${x.parentSourceId})`).join(', ');
      warn(`${orphanCount} repl${orphanCount === 1 ? 'y' : 'ies'} whose parent is not in the file or the database were kept and flagged 'orphan': ${some}${orphanCount > 5 ? ', ...' : ''}`);
    }
    if (droppedWarnings) warnings.push(`... and ${droppedWarnings} more warnings`);
    const summary: ImportSummary = {
      format,
      posts: writer.postsTouched.size,
      comments: { ...writer.counts, byStatus },
      defaultedStatus: [...defaulted.values()],
      warnings,
    };
    progress(totalBytes);
    if (o.dryRun) {
      db.exec('ROLLBACK');
      return { ...summary, byPost: [...byPost.values()], firstComments };
    }
    recordImportRun(db, format, fileName, summary);
    db.exec('COMMIT');
    return summary;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (err instanceof ImportParseError) throw new AppError('IMPORT_FAILED', `${err.message}; nothing was imported`);
    throw err;
  } finally {
    db.close();
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

const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/** Author links are shown and exported as links: keep only http(s) addresses. */
function authorUrl(c: ImportedComment, warn: (m: string) => void): string {
  const url = c.author.url.trim();
  if (!url || HTTP_URL.test(url)) return url;
  warn(`${c.at}: comment ${c.sourceId.slice(0, 80)}: the author URL "${url.slice(0, 60)}" is not an http(s) address; it was dropped`);
  return '';
}

export { COMMENT_STATUSES };
