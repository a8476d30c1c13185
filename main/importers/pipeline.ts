/**
 * One import, start to finish: detect the format, stream the file through its importer,
 * sanitize each comment (records.ts) and write it through CommentImportWriter on a connection of
 * its own, inside one BEGIN IMMEDIATE ... COMMIT. Any fatal error, or a cancel, rolls everything
 * back. A preview is the same run ending in ROLLBACK, so its counts (new, updated, unchanged) are
 * exact. Files of THREAD_MIN_BYTES or more are read and sanitized in a worker thread
 * (read-thread.ts) while this thread writes; smaller ones in this thread, which starts sooner.
 */
import type { DB } from '../../db/connection';
import type { CommentStatus, ImportFormat } from '../../common/domain';
import { COMMENT_STATUSES } from '../../common/domain-values';
import { AppError } from '../../common/errors';
import { CommentImportWriter, recordImportRun } from '../../db/repos/comment-import';
import { FORMATS_WITH_POSTS } from './detect';
import { CancelledError } from './file-source';
import { checkImportFile } from './import-file';
import { canReadInThread, readInThread } from './read-thread';
import type { CleanComment, ImportEvent, ReadRequest } from './records';
import { ImportParseError, type CsvMapping, type ImportedPost } from './types';
import { importStart, moderateImport, type ImportModeration } from '../moderation/import-rules';

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
  moderation?: ImportModeration;
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
  /** Where the file is read and sanitized: a worker thread, this thread, or by size (default). */
  reader?: 'auto' | 'thread' | 'inline';
  /** Filled with where the time went (the bench reports it); left alone when not given. */
  phases?: ImportPhases;
  /** false: import without applying the moderation rules (default: apply them). */
  rules?: boolean;
}

/** Milliseconds per phase. With a reading thread, `read` runs beside `write`, so the phases overlap. */
export interface ImportPhases {
  reader: 'thread' | 'inline';
  /** Reading, parsing and sanitizing the file (the worker's busy time, or this thread's time outside the writes). */
  read: number;
  /** Writing comments and posts as they arrive (upserts, post bodies). */
  write: number;
  /** Linking replies, flagging orphans, filling the search index and state table. */
  finish: number;
  /** The moderation rules on the new comments (their writers' keys are written with the rows). */
  moderate: number;
  commit: number;
  total: number;
}

/** From this size on, a worker thread reads the file: below it, starting one costs more than it saves. */
export const THREAD_MIN_BYTES = 4 * 1024 * 1024;

const MAX_WARNINGS = 200;
const PREVIEW_COMMENTS = 10;
const PREVIEW_POSTS = 100;

const zeroStatus = (): StatusCounts => ({ approved: 0, pending: 0, spam: 0, trash: 0 });

export async function runImport(req: ImportRequest, o: RunOptions & { dryRun: true }): Promise<ImportPreview>;
export async function runImport(req: ImportRequest, o: RunOptions): Promise<ImportSummary>;
export async function runImport(req: ImportRequest, o: RunOptions): Promise<ImportSummary | ImportPreview> {
  const { fileName, totalBytes, format } = checkImportFile(req);
  // The importers and sanitizers load only once there is something to read.
  const [{ readImportFile }, { postBodyFromHtml }] = await Promise.all([import('./records'), import('./post-body')]);
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

  const postFor = (c: CleanComment): string => {
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
      const body = () => postBodyFromHtml(p.contentHtml, (why) => warn(`${p.at ?? fileName}: post "${p.title.slice(0, 80)}": ${why}`));
      const id = writer.ensurePost({ source, sourceId: p.key, title: p.title, link: p.link, slug: p.slug, publishedAt: p.publishedAt, body });
      postIds.set(p.key, id);
      if (o.dryRun && writer.postsCreated > created) previewPost(id).isNew = true;
    },
    comment(c: CleanComment) {
      const postId = postFor(c);
      const outcome = writer.upsert({
        postId,
        source: c.source ?? source,
        sourceId: c.sourceId,
        parentSourceId: c.parentSourceId,
        author: c.author,
        postedAt: c.postedAt,
        html: c.html,
        text: c.text,
        status: c.status,
        type: c.type,
        flags: c.flags,
        authorKey: c.authorKey,
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
          firstComments.push({ sourceId: c.sourceId, postSlug: p.slug, author: c.author.name, postedAt: c.postedAt, status: c.status, text: c.text.slice(0, 600) });
        }
      }
    },
    warning: warn,
  };
  const applyEvent = (e: ImportEvent) => (e.kind === 'comment' ? sink.comment(e.comment) : e.kind === 'post' ? sink.post(e.post) : warn(e.message));
  const phases = o.phases;
  const clock = performance.now();
  const apply = phases
    ? (e: ImportEvent) => {
        const t = performance.now();
        applyEvent(e);
        phases.write += performance.now() - t;
      }
    : applyEvent;
  if (phases) Object.assign(phases, { read: 0, write: 0, finish: 0, moderate: 0, commit: 0, total: 0 });

  const progress = (bytesRead: number) =>
    o.onProgress?.({ bytesRead, totalBytes, comments: processed, ...(writer?.counts ?? { imported: 0, updated: 0, unchanged: 0 }) });

  db.exec('BEGIN IMMEDIATE');
  try {
    const firstNew = importStart(db);
    writer = new CommentImportWriter(db);
    const read: ReadRequest = { filePath: req.filePath, fileName, format, csv: req.csv };
    const reader = o.reader ?? 'auto';
    if (reader === 'thread' || (reader === 'auto' && totalBytes >= THREAD_MIN_BYTES && canReadInThread())) {
      const busy = await readInThread(read, apply, { onBytes: progress, isCancelled: o.isCancelled });
      if (phases) Object.assign(phases, { reader: 'thread', read: busy });
    } else {
      await readImportFile(read, apply, { onChunk: progress, isCancelled: o.isCancelled });
      if (phases) Object.assign(phases, { reader: 'inline', read: performance.now() - clock - phases.write });
    }
    const finishing = performance.now();
    if (o.isCancelled?.()) throw new CancelledError();
    const { orphanCount, orphans } = writer.finish();
    if (phases) phases.finish = performance.now() - finishing;
    const moderating = performance.now();
    const moderation = moderateImport(db, firstNew, { dryRun: o.dryRun, rules: o.rules !== false });
    if (phases) phases.moderate = performance.now() - moderating;
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
      ...(moderation && { moderation }),
    };
    progress(totalBytes);
    if (o.dryRun) {
      db.exec('ROLLBACK');
      return { ...summary, byPost: [...byPost.values()], firstComments };
    }
    recordImportRun(db, format, fileName, summary);
    const committing = performance.now();
    db.exec('COMMIT');
    if (phases) Object.assign(phases, { commit: performance.now() - committing, total: performance.now() - clock });
    return summary;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (err instanceof ImportParseError) throw new AppError('IMPORT_FAILED', `${err.message}; nothing was imported`);
    throw err;
  } finally {
    db.close();
  }
}

export { COMMENT_STATUSES };
