/**
 * Posts: drafts and published posts are one entity with a status. Every save bumps `revision`;
 * a save that names an older base revision is refused, so two windows never overwrite each other.
 */
import type { DB } from '../connection';
import type { Author, EditorState, Post, PostDetails, PostSummary } from '../../common/domain';
import { AppError } from '../../common/errors';
import { ftsQuery } from './search-query';
import { uuidv7 } from '../../common/ids';
import { countWords, slugify } from '../../common/text';
import { editorStateText, emptyEditorState } from '../../common/editor/state-text';
import { nowIso } from '../clock';
import { authorsOfPost, authorsOfPosts, setPostAuthors } from './authors';
import { snapshotDue, takeSnapshot } from './revisions';
import { DEFAULT_WORKFLOW } from '../../common/domain-values';
import { isDelivered, type Workflow } from '../../common/series/workflow';

export interface PostRow {
  id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  slug: string;
  title: string;
  standfirst: string;
  label: string;
  body: string;
  body_text: string;
  word_count: number;
  status: string;
  series_id: string | null;
  position: number | null;
  planned_date: string | null;
  deadline: string | null;
  published_at: string | null;
  tags: string;
  revision: number;
  last_snapshot_at: string | null;
  delivered_at: string | null;
  source_url: string | null;
  comment_count?: number;
}

// No body or body_text: a list reads the columns a summary shows, and the comment counts and
// bylines of a whole page come from one query each (summariesOf), never one query a row.
const SUMMARY_COLUMNS = `p.id, p.created_at, p.updated_at, p.deleted_at, p.slug, p.title, p.standfirst, p.status, p.series_id,
  p.position, p.planned_date, p.deadline, p.tags, p.revision, p.word_count`;

function summaryOf(r: PostRow, authors: Author[], commentCount: number): PostSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    standfirst: r.standfirst,
    status: r.status,
    seriesId: r.series_id,
    position: r.position,
    plannedDate: r.planned_date,
    deadline: r.deadline,
    tags: JSON.parse(r.tags) as string[],
    authors,
    wordCount: r.word_count,
    revision: r.revision,
    commentCount,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** One post's summary; its row carries comment_count (findPostRow selects it). */
export function toSummary(db: DB, r: PostRow): PostSummary {
  return summaryOf(r, authorsOfPost(db, r.id), r.comment_count ?? 0);
}

/** Live comments per post, for many posts in one query (post_comment_counts, migration 0200, keeps them). */
function commentCounts(db: DB, ids: string): Map<string, number> {
  const rows = db
    .prepare('SELECT post_id, sum(live) AS n FROM post_comment_counts WHERE post_id IN (SELECT value FROM json_each(?)) GROUP BY post_id')
    .all(ids) as { post_id: string; n: number }[];
  return new Map(rows.map((r) => [r.post_id, r.n]));
}

/** Summaries of many rows in three queries in all, however many rows there are. */
function summariesOf(db: DB, rows: PostRow[]): PostSummary[] {
  if (!rows.length) return [];
  const idList = rows.map((r) => r.id);
  const authors = authorsOfPosts(db, idList);
  const counts = commentCounts(db, JSON.stringify(idList));
  return rows.map((r) => summaryOf(r, authors.get(r.id) ?? [], counts.get(r.id) ?? 0));
}

function toDetails(db: DB, r: PostRow): PostDetails {
  return { ...toSummary(db, r), label: r.label, sourceUrl: r.source_url, publishedAt: r.published_at };
}

function toPost(db: DB, r: PostRow): Post {
  return { ...toDetails(db, r), body: JSON.parse(r.body) as EditorState };
}

export interface ListPostsOptions {
  status?: string[];
  seriesId?: string;
  authorId?: string;
  search?: string;
  sort?: 'updated' | 'planned' | 'title';
  trash?: boolean;
  limit?: number;
}

export function listPosts(db: DB, o: ListPostsOptions = {}): PostSummary[] {
  const where: string[] = [o.trash ? 'p.deleted_at IS NOT NULL' : 'p.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (o.status?.length) {
    where.push(`p.status IN (${o.status.map(() => '?').join(',')})`);
    params.push(...o.status);
  }
  if (o.seriesId) {
    where.push('p.series_id = ?');
    params.push(o.seriesId);
  }
  if (o.authorId) {
    where.push('EXISTS (SELECT 1 FROM post_authors pa WHERE pa.post_id = p.id AND pa.author_id = ? AND pa.deleted_at IS NULL)');
    params.push(o.authorId);
  }
  if (o.search) {
    const q = ftsQuery(o.search);
    if (!q) return [];
    // The unary + keeps the planner on the covering posts_list index (a membership test per
    // entry) instead of looking each match up in the table, past its body's overflow pages.
    where.push('+p.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)');
    params.push(q);
  }
  const order =
    o.sort === 'planned'
      ? 'p.planned_date IS NULL, p.planned_date, p.updated_at DESC'
      : o.sort === 'title'
        ? 'p.title COLLATE NOCASE'
        : 'p.updated_at DESC';
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM posts p WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`)
    .all(...params, o.limit ?? 1000) as PostRow[];
  return summariesOf(db, rows);
}

/** A post as `workbench posts` lists it. */
export interface PostHeadline {
  id: string;
  slug: string;
  title: string;
  status: string;
  commentCount: number;
  updatedAt: string;
}

/**
 * Every post outside the trash, newest first, in the order listPosts gives, with only what a
 * list by slug shows: no bylines, tags or standfirst, so one query (the CLI's `posts` pays for
 * nothing it does not print).
 */
export function listPostHeadlines(db: DB): PostHeadline[] {
  return db
    .prepare(
      `SELECT p.id, p.slug, p.title, p.status, coalesce(c.n, 0) AS commentCount, p.updated_at AS updatedAt
       FROM posts p LEFT JOIN (SELECT post_id, sum(live) AS n FROM post_comment_counts GROUP BY post_id) c ON c.post_id = p.id
       WHERE p.deleted_at IS NULL ORDER BY p.updated_at DESC, p.id DESC`,
    )
    .all() as PostHeadline[];
}

export function findPostRow(db: DB, ref: { id: string } | { slug: string }, includeDeleted = false): PostRow | undefined {
  const [col, val] = 'id' in ref ? ['id', ref.id] : ['slug', ref.slug];
  return db
    .prepare(`SELECT *, coalesce((SELECT sum(live) FROM post_comment_counts c WHERE c.post_id = posts.id), 0) AS comment_count
              FROM posts WHERE ${col} = ? ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`)
    .get(val) as PostRow | undefined;
}

function postRow(db: DB, ref: { id: string } | { slug: string }): PostRow {
  const row = findPostRow(db, ref);
  if (!row) throw new AppError('NOT_FOUND', `No post with ${'id' in ref ? `id ${ref.id}` : `slug "${ref.slug}"`}.`);
  return row;
}

export function getPost(db: DB, ref: { id: string } | { slug: string }): Post {
  return toPost(db, postRow(db, ref));
}

/** The post without its body (not parsed, not sent): cheap enough to read on every synced change. */
export function getPostDetails(db: DB, ref: { id: string } | { slug: string }): PostDetails {
  return toDetails(db, postRow(db, ref));
}

/** A slug not used by any post (trash included, so restoring never clashes). */
export function uniqueSlug(db: DB, wanted: string, exceptId?: string): string {
  const base = slugify(wanted);
  const taken = db.prepare('SELECT 1 FROM posts WHERE slug = ? AND id IS NOT ?');
  if (!taken.get(base, exceptId ?? null)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.get(candidate, exceptId ?? null)) return candidate;
  }
}

export interface CreatePostFields {
  title?: string;
  slug?: string;
  standfirst?: string;
  label?: string;
  body?: EditorState;
  status?: string;
  seriesId?: string | null;
  position?: number | null;
  tags?: string[];
  plannedDate?: string | null;
  publishedAt?: string | null;
  source?: string | null;
  sourceId?: string | null;
  sourceUrl?: string | null;
  authorIds?: string[];
}

export function createPost(db: DB, f: CreatePostFields): Post {
  const now = nowIso();
  const id = uuidv7();
  const body = f.body ?? emptyEditorState();
  const text = editorStateText(body);
  const slug = uniqueSlug(db, f.slug || f.title || 'untitled');
  db.prepare(
    `INSERT INTO posts (id, created_at, updated_at, slug, title, standfirst, label, body, body_text, word_count, status,
       series_id, position, planned_date, published_at, tags, revision, source, source_id, source_url)
     VALUES (@id, @now, @now, @slug, @title, @standfirst, @label, @body, @text, @words, @status,
       @seriesId, @position, @plannedDate, @publishedAt, @tags, 1, @source, @sourceId, @sourceUrl)`,
  ).run({
    id,
    now,
    slug,
    title: f.title ?? '',
    standfirst: f.standfirst ?? '',
    label: f.label ?? 'Guest blog',
    body: JSON.stringify(body),
    text,
    words: countWords(text),
    status: f.status ?? 'drafting',
    seriesId: f.seriesId ?? null,
    position: f.position ?? null,
    plannedDate: f.plannedDate ?? null,
    publishedAt: f.publishedAt ?? null,
    tags: JSON.stringify(f.tags ?? []),
    source: f.source ?? null,
    sourceId: f.sourceId ?? null,
    sourceUrl: f.sourceUrl ?? null,
  });
  if (f.authorIds?.length) setPostAuthors(db, id, f.authorIds);
  return getPost(db, { id });
}

export interface UpdatePostFields {
  id: string;
  baseRevision: number;
  title?: string;
  slug?: string;
  standfirst?: string;
  label?: string;
  body?: EditorState;
  status?: string;
  plannedDate?: string | null;
  deadline?: string | null;
  tags?: string[];
  authorIds?: string[];
}

/** The workflow a post follows: its series' own, or the default one outside a series. */
export function workflowOf(db: DB, seriesId: string | null): Workflow {
  const row = seriesId
    ? (db.prepare('SELECT workflow, commission_status, delivery_status FROM series WHERE id = ?').get(seriesId) as
        | { workflow: string; commission_status: string; delivery_status: string }
        | undefined)
    : undefined;
  if (!row) return { statuses: [...DEFAULT_WORKFLOW], commissionStatus: 'commissioned', deliveryStatus: 'in-review' };
  return { statuses: JSON.parse(row.workflow) as string[], commissionStatus: row.commission_status, deliveryStatus: row.delivery_status };
}

/**
 * Saves changed fields if baseRevision is current; otherwise CONFLICT with the stored revision in
 * details. In the same transaction it snapshots the text as it was before this save when the
 * last snapshot is five minutes old (or there is none yet) and whenever the status changes.
 */
export function updatePost(db: DB, f: UpdatePostFields): Post {
  return db.transaction(() => {
    const row = findPostRow(db, { id: f.id });
    if (!row) throw new AppError('NOT_FOUND', `No post with id ${f.id}; it may have been moved to the trash.`);
    if (row.revision !== f.baseRevision) {
      throw new AppError(
        'CONFLICT',
        `This draft was saved elsewhere (revision ${row.revision}, you edited revision ${f.baseRevision}). Nothing was overwritten.`,
        { currentRevision: row.revision, updatedAt: row.updated_at },
      );
    }
    const now = nowIso();
    const sets: string[] = [];
    const params: Record<string, unknown> = { id: f.id, now, revision: row.revision + 1 };
    const set = (col: string, key: string, value: unknown) => {
      sets.push(`${col} = @${key}`);
      params[key] = value;
    };
    if (f.title !== undefined) set('title', 'title', f.title);
    if (f.slug !== undefined && f.slug !== row.slug) {
      if (db.prepare('SELECT 1 FROM posts WHERE slug = ? AND id != ?').get(f.slug, f.id)) {
        throw new AppError('CONFLICT', `The slug "${f.slug}" is used by another post; choose another.`, { field: 'slug', suggestion: uniqueSlug(db, f.slug, f.id) });
      }
      set('slug', 'slug', f.slug);
    }
    if (f.standfirst !== undefined) set('standfirst', 'standfirst', f.standfirst);
    if (f.label !== undefined) set('label', 'label', f.label);
    if (f.body !== undefined) {
      const text = editorStateText(f.body);
      set('body', 'body', JSON.stringify(f.body));
      set('body_text', 'bodyText', text);
      set('word_count', 'words', countWords(text));
    }
    const statusChanged = f.status !== undefined && f.status !== row.status;
    if (statusChanged) {
      const workflow = workflowOf(db, row.series_id);
      if (!workflow.statuses.includes(f.status!)) {
        throw new AppError('BAD_INPUT', `"${f.status}" is not a status of this post's workflow (${workflow.statuses.join(' → ')}). Nothing was saved.`);
      }
      set('status', 'status', f.status);
      // Delivered once the text reaches the delivery step (as the series planner counts it); sent back, it is owed again.
      set('delivered_at', 'deliveredAt', isDelivered(workflow, f.status!) ? (row.delivered_at ?? now) : null);
    }
    if (f.plannedDate !== undefined) set('planned_date', 'plannedDate', f.plannedDate);
    if (f.deadline !== undefined) set('deadline', 'deadline', f.deadline);
    if (f.tags !== undefined) set('tags', 'tags', JSON.stringify(f.tags));

    const textChanged =
      (f.body !== undefined && JSON.stringify(f.body) !== row.body) ||
      (f.title !== undefined && f.title !== row.title) ||
      (f.standfirst !== undefined && f.standfirst !== row.standfirst);
    const hasText = row.title.trim() !== '' || row.standfirst.trim() !== '' || row.word_count > 0;
    if (statusChanged) takeSnapshot(db, row, `status: ${row.status} → ${f.status}`, now);
    else if (textChanged && hasText && snapshotDue(row.last_snapshot_at, now)) takeSnapshot(db, row, 'interval', now);
    else if (textChanged && row.last_snapshot_at === null) set('last_snapshot_at', 'snapshotAt', now);

    db.prepare(`UPDATE posts SET ${[...sets, 'revision = @revision', 'updated_at = @now'].join(', ')} WHERE id = @id`).run(params);
    if (f.authorIds !== undefined) setPostAuthors(db, f.id, f.authorIds);
    return getPost(db, { id: f.id });
  })();
}

/**
 * Writes a body, title and standfirst as a new revision of the post without the conflict check:
 * for a restore, which has already snapshotted the text it replaces.
 */
export function replacePostText(db: DB, id: string, f: { title: string; standfirst: string; body: EditorState }, now: string): void {
  const text = editorStateText(f.body);
  db.prepare(
    `UPDATE posts SET title = ?, standfirst = ?, body = ?, body_text = ?, word_count = ?, revision = revision + 1, updated_at = ?, last_snapshot_at = ?
     WHERE id = ?`,
  ).run(f.title, f.standfirst, JSON.stringify(f.body), text, countWords(text), now, now, id);
}

/** Whether a slug is free for a post (trash included), with the nearest free one to offer. */
export function checkSlug(db: DB, slug: string, exceptId?: string): { available: boolean; suggestion: string } {
  const taken = db.prepare('SELECT 1 FROM posts WHERE slug = ? AND id IS NOT ?').get(slug, exceptId ?? null);
  return { available: !taken, suggestion: taken ? uniqueSlug(db, slug, exceptId) : slug };
}

/** A copy of a post as a new draft outside any series: text, label, tags and byline, not comments. */
export function duplicatePost(db: DB, id: string): Post {
  return db.transaction(() => {
    const src = getPost(db, { id });
    const title = src.title.trim() ? `${src.title} (copy)`.slice(0, 300) : '';
    const copy = createPost(db, {
      title,
      slug: `${src.slug}-copy`,
      standfirst: src.standfirst,
      label: src.label,
      body: src.body,
      status: DEFAULT_WORKFLOW[0] === src.status ? src.status : 'drafting',
      tags: src.tags,
      plannedDate: null,
      authorIds: src.authors.map((a) => a.id),
    });
    // The copy's pictures are its own, so trashing or editing either post leaves the other whole.
    const json = JSON.stringify(src.body);
    const ids = [...new Set([...json.matchAll(/"asset:([0-9a-f-]{36})"/g)].map((m) => m[1]))];
    if (!ids.length) return copy;
    const now = nowIso();
    const copyAsset = db.prepare(
      `INSERT INTO assets (id, created_at, updated_at, post_id, file_name, mime, sha256, size, data)
       SELECT ?, ?, ?, ?, file_name, mime, sha256, size, data FROM assets WHERE id = ?`,
    );
    let body = json;
    for (const old of ids) {
      const fresh = uuidv7();
      if (copyAsset.run(fresh, now, now, copy.id, old).changes) body = body.split(`"asset:${old}"`).join(`"asset:${fresh}"`);
    }
    db.prepare('UPDATE posts SET body = ? WHERE id = ?').run(body, copy.id);
    return getPost(db, { id: copy.id });
  })();
}

export function trashPost(db: DB, id: string): { id: string; deletedAt: string } {
  const now = nowIso();
  const res = db.prepare('UPDATE posts SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id);
  if (res.changes === 0) throw new AppError('NOT_FOUND', `No post with id ${id} outside the trash.`);
  return { id, deletedAt: now };
}

/**
 * Deletes a draft never changed since it was created (revision 1, nothing in it, nothing attached).
 * Removed outright, not trashed: it holds nothing to restore, and the trash is a list too.
 */
export function discardUntouchedDraft(db: DB, id: string): { discarded: boolean } {
  const res = db
    .prepare(
      `DELETE FROM posts WHERE id = ? AND revision = 1 AND deleted_at IS NULL AND title = '' AND standfirst = '' AND body_text = ''
         AND series_id IS NULL AND tags = '[]'
         AND NOT EXISTS (SELECT 1 FROM comments WHERE post_id = posts.id) AND NOT EXISTS (SELECT 1 FROM post_authors WHERE post_id = posts.id)
         AND NOT EXISTS (SELECT 1 FROM revisions WHERE post_id = posts.id) AND NOT EXISTS (SELECT 1 FROM assets WHERE post_id = posts.id)`,
    )
    .run(id);
  return { discarded: res.changes > 0 };
}

export function restorePost(db: DB, id: string): PostSummary {
  const now = nowIso();
  const res = db.prepare('UPDATE posts SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL').run(now, id);
  if (res.changes === 0) throw new AppError('NOT_FOUND', `No post with id ${id} in the trash.`);
  return toSummary(db, findPostRow(db, { id }) as PostRow);
}
