/**
 * The write side of comment import. The caller owns the transaction (one per import, on its own
 * connection); this module finds or creates the posts comments attach to and upserts comments by
 * their identity (source, post, source comment id), counting what changed. Parents are linked by
 * source id inside the database after all rows are written, so the importer never holds the
 * file's comments in memory and replies may come before their parents.
 */
import type { DB } from '../connection';
import type { CommentStatus, CommentType, EditorState } from '../../common/domain';
import { nowIso } from '../clock';
import { uuidv7 } from '../../common/ids';
import { createPost } from './posts';

export interface ImportPostInput {
  source: string;
  sourceId: string;
  title: string;
  link: string;
  slug: string;
  publishedAt: string | null;
  body: () => EditorState;
}

export interface ImportCommentInput {
  postId: string;
  source: string;
  sourceId: string;
  parentSourceId: string | null;
  author: { name: string; role: string; organisation: string; email: string; url: string };
  postedAt: string | null;
  html: string;
  text: string;
  status: CommentStatus;
  type: CommentType;
  flags: string[];
}

export type UpsertOutcome = 'imported' | 'updated' | 'unchanged';

/** Flags this module sets from the links it makes; compared apart from the file's own flags. */
const LINK_FLAGS = ['orphan'];

interface Existing {
  id: string;
  parent_source_id: string | null;
  author_name: string;
  author_role: string;
  author_organisation: string;
  author_email: string;
  author_url: string;
  posted_at: string | null;
  body_html: string;
  body_text: string;
  status: string;
  type: string;
  flags: string;
  deleted_at: string | null;
}

export class CommentImportWriter {
  readonly counts = { imported: 0, updated: 0, unchanged: 0 };
  readonly postsTouched = new Set<string>();
  postsCreated = 0;
  private readonly touched = new Map<string, { postId: string; source: string }>();
  /** Posts this import created hold no earlier comments: their rows need no lookup. */
  private readonly newPosts = new Set<string>();
  private readonly select;
  private readonly insert;
  private readonly update;

  constructor(private readonly db: DB) {
    this.select = db.prepare(
      `SELECT id, parent_source_id, author_name, author_role, author_organisation, author_email, author_url, posted_at,
              body_html, body_text, status, type, flags, deleted_at
       FROM comments WHERE source = ? AND post_id = ? AND source_id = ?`,
    );
    this.insert = db.prepare(
      `INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, parent_source_id, author_name, author_role,
         author_organisation, author_email, author_url, posted_at, body_html, body_text, status, type, flags, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    this.update = db.prepare(
      `UPDATE comments SET updated_at = ?, parent_source_id = ?, author_name = ?, author_role = ?, author_organisation = ?,
         author_email = ?, author_url = ?, posted_at = ?, body_html = ?, body_text = ?, status = ?, type = ?, flags = ?,
         revision = revision + 1
       WHERE id = ?`,
    );
  }

  /** The post a WXR item, Disqus thread or named post maps to: matched by link, then slug, then source id; created otherwise. */
  ensurePost(p: ImportPostInput): string {
    const db = this.db;
    const live = 'deleted_at IS NULL';
    const found = ((p.link && db.prepare(`SELECT id FROM posts WHERE source_url = ? AND ${live} LIMIT 1`).get(p.link)) ||
      (p.slug && db.prepare(`SELECT id FROM posts WHERE slug = ? AND ${live}`).get(p.slug)) ||
      db.prepare(`SELECT id FROM posts WHERE source = ? AND source_id = ? AND ${live} LIMIT 1`).get(p.source, p.sourceId)) as { id: string } | undefined;
    if (found) {
      this.postsTouched.add(found.id);
      return found.id;
    }
    const post = createPost(db, {
      title: p.title || p.slug || p.link || `Imported post ${p.sourceId}`,
      slug: p.slug || p.title || slugFromLink(p.link) || `imported-${p.sourceId}`,
      body: p.body(),
      status: 'published',
      publishedAt: p.publishedAt,
      source: p.source,
      sourceId: p.sourceId,
      sourceUrl: p.link || null,
      label: '',
    });
    this.postsCreated++;
    this.newPosts.add(post.id);
    this.postsTouched.add(post.id);
    return post.id;
  }

  upsert(c: ImportCommentInput): UpsertOutcome {
    const key = `${c.postId}\u0000${c.source}`;
    if (!this.touched.has(key)) this.touched.set(key, { postId: c.postId, source: c.source });
    this.postsTouched.add(c.postId);
    const flags = JSON.stringify(c.flags);
    const now = nowIso();
    const insert = () =>
      this.insert.run(uuidv7(), now, now, c.postId, c.source, c.sourceId, c.parentSourceId, c.author.name, c.author.role,
        c.author.organisation, c.author.email, c.author.url, c.postedAt, c.html, c.text, c.status, c.type, flags);
    let old: Existing | undefined;
    if (this.newPosts.has(c.postId)) {
      try {
        insert();
        this.counts.imported++;
        return 'imported';
      } catch (err) {
        // The same id twice in one file: the later one updates the earlier, as on a re-import.
        if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
      }
    }
    old ??= this.select.get(c.source, c.postId, c.sourceId) as Existing | undefined;
    if (!old) {
      insert();
      this.counts.imported++;
      return 'imported';
    }
    const oldFlags = JSON.stringify((JSON.parse(old.flags) as string[]).filter((f) => !LINK_FLAGS.includes(f)));
    const same =
      old.deleted_at !== null ||
      (old.parent_source_id === c.parentSourceId && old.author_name === c.author.name && old.author_role === c.author.role &&
        old.author_organisation === c.author.organisation && old.author_email === c.author.email && old.author_url === c.author.url &&
        old.posted_at === c.postedAt && old.body_html === c.html && old.body_text === c.text && old.status === c.status &&
        old.type === c.type && oldFlags === flags);
    if (same) {
      this.counts.unchanged++;
      return 'unchanged';
    }
    this.update.run(now, c.parentSourceId, c.author.name, c.author.role, c.author.organisation, c.author.email, c.author.url,
      c.postedAt, c.html, c.text, c.status, c.type, flags, old.id);
    this.counts.updated++;
    return 'updated';
  }

  /**
   * Links every reply of the touched posts to its parent by source id, flags replies whose parent
   * is not there 'orphan' (and unflags ones whose parent arrived). Returns the orphans' source ids (first 20) and count.
   */
  finish(): { orphanCount: number; orphans: { sourceId: string; parentSourceId: string }[] } {
    const link = this.db.prepare(
      `UPDATE comments SET parent_id = (
         SELECT p.id FROM comments p WHERE p.source = comments.source AND p.post_id = comments.post_id
           AND p.source_id = comments.parent_source_id AND p.id != comments.id)
       WHERE post_id = ? AND source = ? AND parent_source_id IS NOT NULL`,
    );
    const flag = this.db.prepare(
      `UPDATE comments SET flags = json_insert(flags, '$[#]', 'orphan')
       WHERE post_id = ? AND source = ? AND parent_source_id IS NOT NULL AND parent_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM json_each(comments.flags) WHERE value = 'orphan')`,
    );
    const unflag = this.db.prepare(
      `UPDATE comments SET flags = (SELECT json_group_array(value) FROM json_each(comments.flags) WHERE value != 'orphan')
       WHERE post_id = ? AND source = ? AND parent_id IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(comments.flags) WHERE value = 'orphan')`,
    );
    const list = this.db.prepare(
      `SELECT source_id AS sourceId, parent_source_id AS parentSourceId FROM comments
       WHERE post_id = ? AND source = ? AND parent_source_id IS NOT NULL AND parent_id IS NULL AND deleted_at IS NULL LIMIT 20`,
    );
    const count = this.db.prepare(
      `SELECT count(*) AS n FROM comments WHERE post_id = ? AND source = ? AND parent_source_id IS NOT NULL AND parent_id IS NULL AND deleted_at IS NULL`,
    );
    let orphanCount = 0;
    const orphans: { sourceId: string; parentSourceId: string }[] = [];
    for (const { postId, source } of this.touched.values()) {
      link.run(postId, source);
      flag.run(postId, source);
      unflag.run(postId, source);
      orphanCount += (count.get(postId, source) as { n: number }).n;
      if (orphans.length < 20) orphans.push(...(list.all(postId, source) as typeof orphans).slice(0, 20 - orphans.length));
    }
    return { orphanCount, orphans };
  }
}

function slugFromLink(link: string): string {
  const m = /^[a-z]+:\/\/[^/]+(\/[^?#]*)?(?:\?([^#]*))?/i.exec(link.trim());
  if (!m) return '';
  const parts = (m[1] ?? '').split('/').filter((x) => x && !/^index\.\w+$/i.test(x));
  return parts[parts.length - 1] ?? (m[2] ? m[2].replace(/[^a-z0-9]+/gi, '-') : '');
}

/** Records one finished import for the audit trail. */
export function recordImportRun(db: DB, format: string, fileName: string, summary: unknown): void {
  const now = nowIso();
  db.prepare('INSERT INTO import_runs (id, created_at, updated_at, format, file_name, summary) VALUES (?, ?, ?, ?, ?, ?)').run(
    uuidv7(), now, now, format, fileName, JSON.stringify(summary));
}
