/**
 * The write side of comment import. The caller owns the transaction (one per import, on its own
 * connection); this module finds or creates the posts comments attach to and upserts comments by
 * their identity (source, post, source comment id), counting what changed. A reply is linked to
 * its parent as it is written when the parent is already stored (the usual order in a file), and
 * finish() links the rest by source id inside the database, so the importer never holds the
 * file's comments in memory and replies may come before their parents.
 *
 * Search indexing is deferred: inside the import's transaction the per-row FTS insert trigger is
 * dropped, and finish() indexes every row this import inserted with one INSERT ... SELECT and
 * recreates the trigger from its own stored SQL. Per-row triggers cost more than everything else
 * in a large import; a rollback (error, cancel, preview) restores the trigger with the rest.
 * Rows inserted by this import are never updated in their text columns before finish() (a second
 * copy in the same file is a duplicate, not an update), so the update trigger never sees a row
 * the index does not hold yet.
 */
import type { DB } from '../connection';
import type { CommentStatus, CommentType, EditorState } from '../../common/domain';
import { nowIso } from '../clock';
import { uuidv7 } from '../../common/ids';
import { createPost } from './posts';
import type { CommentRow } from './comments';
import { catchUpCommenterKeys } from './commenters';
import { commenterIdentity } from '../../common/moderation/commenter';

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
  /** The writer's key (commenterIdentity(author).key), when the reading thread already made it. */
  authorKey?: string;
}

export type UpsertOutcome = 'imported' | 'updated' | 'unchanged' | 'duplicate';

/**
 * Tables derived from comments that per-row insert triggers keep: during an import the triggers
 * are suspended and the inserted rows (rowid above the import's start) are added in one statement
 * each at the end, which is several times faster than a trigger firing per row.
 */
const DERIVED_ON_INSERT = [
  { trigger: 'comments_fts_ai', fill: 'INSERT INTO comments_fts (rowid, author_name, body_text) SELECT rowid, author_name, body_text FROM comments WHERE rowid > ?' },
  {
    trigger: 'comment_states_ai',
    fill: "INSERT INTO comment_states (comment_rowid, state) SELECT rowid, CASE WHEN deleted_at IS NULL THEN status ELSE 'deleted' END FROM comments WHERE rowid > ?",
  },
  {
    trigger: 'post_comment_counts_ai',
    fill: `INSERT INTO post_comment_counts (post_id, status, live)
             SELECT post_id, status, count(*) FROM comments WHERE rowid > ? AND deleted_at IS NULL GROUP BY post_id, status
           ON CONFLICT (post_id, status) DO UPDATE SET live = live + excluded.live`,
  },
];

/**
 * Drops the derived tables' per-row insert triggers inside the caller's transaction. The function
 * it returns adds every comment with a rowid above afterRowid to them in one statement each and
 * recreates the triggers from their stored SQL. A rollback undoes both. The import uses it, and so
 * does the bench's bare-insert baseline, so that both do the same work.
 */
export function suspendDerivedTriggers(db: DB, afterRowid: number): () => void {
  if (!db.inTransaction) throw new Error('suspendDerivedTriggers needs an open transaction');
  const suspended: { sql: string; fill: string }[] = [];
  for (const d of DERIVED_ON_INSERT) {
    const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(d.trigger) as { sql: string } | undefined;
    if (!trigger) continue;
    db.exec(`DROP TRIGGER ${d.trigger}`);
    suspended.push({ sql: trigger.sql, fill: d.fill });
  }
  return () => {
    for (const d of suspended.splice(0)) {
      db.prepare(d.fill).run(afterRowid);
      db.exec(d.sql);
    }
  };
}

/** A post and source this import wrote comments to, with what finish() may still have to mend there. */
interface Touched {
  postId: string;
  source: string;
  /** Replies inserted before their parent was stored (or with no parent stored at all). */
  unlinked: number;
  /** Rows inserted carrying a flag finish() sets or clears ('orphan'). */
  orphanFlags: number;
}

/** Rows whose writers' keys are written together, in one statement. */
const KEY_BATCH = 2000;

/** Flags this module sets from the links it makes; compared apart from the file's own flags. */
const LINK_FLAGS = ['orphan'];

type Existing = Pick<
  CommentRow,
  'id' | 'parent_source_id' | 'author_name' | 'author_role' | 'author_organisation' | 'author_email' | 'author_url' | 'posted_at' | 'body_html' | 'body_text' | 'status' | 'type' | 'flags' | 'deleted_at'
> & { rowid: number; decided_by: 'person' | 'rule' | null };

export class CommentImportWriter {
  readonly counts = { imported: 0, updated: 0, unchanged: 0 };
  readonly postsTouched = new Set<string>();
  postsCreated = 0;
  /** Comments that appeared a second time in the file, kept as first seen. */
  duplicates = 0;
  private readonly touched = new Map<string, Touched>();
  /** Posts this import created hold no earlier comments: their rows need no lookup. */
  private readonly newPosts = new Set<string>();
  /** Earlier rows this import has already matched (a second match is a duplicate in the file). */
  private readonly matched = new Set<number>();
  /** Rows with a larger rowid were inserted by this import. */
  private readonly startRowid: number;
  /** One timestamp for the whole import: every row it writes was written "now". */
  private readonly now = nowIso();
  /** Fills the derived tables with this import's rows and puts their triggers back (in finish()). */
  private readonly resumeDerived: () => void;
  private readonly select;
  private readonly parent;
  private readonly insert;
  private readonly update;
  private readonly insertKeys;
  /** Keys of rows inserted since the last flushKeys(), as [rowid, key] pairs. */
  private pendingKeys: [number, string][] = [];
  /**
   * Ids of the comments this import wrote for the post and source being read (a file holds a
   * post's comments together), by source id: a reply finds its parent here without a query.
   */
  private recent: { key: string; ids: Map<string, string>; touched: Touched; stored: Set<string> | null } = {
    key: '',
    ids: new Map(),
    touched: { postId: '', source: '', unlinked: 0, orphanFlags: 0 },
    stored: null,
  };
  /**
   * Source ids of the comments stored before this import, per earlier post and source, read once
   * each: a comment whose id is not among them is new and is inserted without a lookup (new
   * comments on posts already stored are an import's usual case, and a lookup a row cost more
   * than the set).
   */
  private readonly storedIds = new Map<string, Set<string>>();
  private readonly storedOf;
  private readonly fileDecided;

  /** Call inside the import's transaction, before the first write. */
  constructor(private readonly db: DB) {
    if (!db.inTransaction) throw new Error('CommentImportWriter needs an open transaction');
    this.startRowid = (db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM comments').get() as { n: number }).n;
    // Earlier rows get their writers' keys first, so the keys this import adds as it inserts
    // (below) leave none behind: moderation reads them for every row without another pass.
    catchUpCommenterKeys(db);
    // One statement per KEY_BATCH rows, from a JSON array of [rowid, key] pairs: a statement a row
    // cost more in calls than the rows themselves.
    this.insertKeys = db.prepare('INSERT OR REPLACE INTO commenter_keys (comment_rowid, author_key) SELECT value ->> 0, value ->> 1 FROM json_each(?)');
    this.resumeDerived = suspendDerivedTriggers(db, this.startRowid);
    this.select = db.prepare(
      `SELECT c.rowid, c.id, c.parent_source_id, c.author_name, c.author_role, c.author_organisation, c.author_email, c.author_url, c.posted_at,
              c.body_html, c.body_text, c.status, c.type, c.flags, c.deleted_at, v.decided_by
       FROM comments c LEFT JOIN comment_verdicts v ON v.comment_id = c.id
       WHERE c.source = ? AND c.post_id = ? AND c.source_id = ?`,
    );
    this.parent = db.prepare('SELECT id FROM comments WHERE source = ? AND post_id = ? AND source_id = ?').pluck();
    this.storedOf = db.prepare('SELECT source_id FROM comments WHERE source = ? AND post_id = ?').pluck();
    this.insert = db.prepare(
      `INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, parent_id, parent_source_id, author_name, author_role,
         author_organisation, author_email, author_url, posted_at, body_html, body_text, status, type, flags, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    this.update = db.prepare(
      `UPDATE comments SET updated_at = ?, parent_id = ?, parent_source_id = ?, author_name = ?, author_role = ?, author_organisation = ?,
         author_email = ?, author_url = ?, posted_at = ?, body_html = ?, body_text = ?, status = ?, type = ?, flags = ?,
         revision = revision + 1
       WHERE id = ?`,
    );
    // The status trigger (migration 0100) takes every status change for a person's decision.
    // A status the file brings was decided at the source, not here: the mark is taken back, so
    // the next import may change it again and the rules still treat the comment as undecided.
    this.fileDecided = db.prepare("DELETE FROM comment_verdicts WHERE comment_id = ? AND decided_by = 'person'");
  }

  /** The post a WXR item, Disqus thread or named post maps to: matched by link, then slug, then source id; created otherwise. */
  ensurePost(p: ImportPostInput): string {
    const db = this.db;
    const live = 'deleted_at IS NULL';
    // A post published to WordPress from here is known by its remote link too (cms_posts, migration 0110).
    const found = ((p.link && db.prepare(`SELECT id FROM posts WHERE source_url = ? AND ${live} LIMIT 1`).get(p.link)) ||
      (p.link && db.prepare(`SELECT p.id FROM cms_posts c JOIN posts p ON p.id = c.post_id WHERE c.link = ? AND p.${live} LIMIT 1`).get(p.link)) ||
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

  /** Parents usually come first in a file: link them now; finish() links the rest. */
  private parentId(c: ImportCommentInput): string | null {
    if (c.parentSourceId === null) return null;
    return this.recent.ids.get(c.parentSourceId) ?? (this.parent.get(c.source, c.postId, c.parentSourceId) as string | undefined) ?? null;
  }

  private insertRow(c: ImportCommentInput, flags: string): void {
    const id = uuidv7();
    const parentId = this.parentId(c);
    const { lastInsertRowid } = this.insert.run(id, this.now, this.now, c.postId, c.source, c.sourceId, parentId, c.parentSourceId, c.author.name, c.author.role,
      c.author.organisation, c.author.email, c.author.url, c.postedAt, c.html, c.text, c.status, c.type, flags);
    if (this.pendingKeys.push([Number(lastInsertRowid), c.authorKey ?? commenterIdentity(c.author).key]) >= KEY_BATCH) this.flushKeys();
    this.recent.ids.set(c.sourceId, id);
    // What finish() must still do for this post: link replies that came before their parent, flag or unflag orphans.
    if (c.parentSourceId !== null && parentId === null) this.recent.touched.unlinked++;
    if (c.flags.length && c.flags.some((f) => LINK_FLAGS.includes(f))) this.recent.touched.orphanFlags++;
  }

  /** Writes the keys of the rows inserted since the last call (finish() calls it: moderation reads them). */
  private flushKeys(): void {
    if (!this.pendingKeys.length) return;
    this.insertKeys.run(JSON.stringify(this.pendingKeys));
    this.pendingKeys = [];
  }

  upsert(c: ImportCommentInput): UpsertOutcome {
    if (this.recent.touched.postId !== c.postId || this.recent.touched.source !== c.source) {
      const key = `${c.postId}\u0000${c.source}`;
      let touched = this.touched.get(key);
      if (!touched) this.touched.set(key, (touched = { postId: c.postId, source: c.source, unlinked: 0, orphanFlags: 0 }));
      let stored: Set<string> | null = null;
      if (!this.newPosts.has(c.postId)) {
        stored = this.storedIds.get(key) ?? null;
        if (!stored) this.storedIds.set(key, (stored = new Set(this.storedOf.all(c.source, c.postId) as string[])));
      }
      this.recent = { key, ids: new Map(), touched, stored };
      this.postsTouched.add(c.postId);
    }
    const flags = c.flags.length ? JSON.stringify(c.flags) : '[]';
    const insert = () => this.insertRow(c, flags);
    // Not stored before this import (a post it created holds none): new, or a second copy in the file.
    if (!this.recent.stored?.has(c.sourceId)) {
      try {
        insert();
        this.counts.imported++;
        return 'imported';
      } catch (err) {
        // Only this file's comments can hold the id: the row is an earlier copy.
        if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
        this.duplicates++;
        return 'duplicate';
      }
    }
    const old = this.select.get(c.source, c.postId, c.sourceId) as Existing | undefined;
    if (!old) {
      insert();
      this.counts.imported++;
      return 'imported';
    }
    if (old.rowid > this.startRowid || this.matched.has(old.rowid)) {
      this.duplicates++;
      return 'duplicate';
    }
    this.matched.add(old.rowid);
    this.recent.ids.set(c.sourceId, old.id);
    const oldFlags = JSON.stringify((JSON.parse(old.flags) as string[]).filter((f) => !LINK_FLAGS.includes(f)));
    // A status decided here, by a person or a rule, is never undone by importing the file again.
    const status = old.decided_by ? old.status : c.status;
    const same =
      old.deleted_at !== null ||
      (old.parent_source_id === c.parentSourceId && old.author_name === c.author.name && old.author_role === c.author.role &&
        old.author_organisation === c.author.organisation && old.author_email === c.author.email && old.author_url === c.author.url &&
        old.posted_at === c.postedAt && old.body_html === c.html && old.body_text === c.text && old.status === status &&
        old.type === c.type && oldFlags === flags);
    if (same) {
      this.counts.unchanged++;
      return 'unchanged';
    }
    const parent = this.parentId(c);
    this.update.run(this.now, parent === old.id ? null : parent, c.parentSourceId, c.author.name, c.author.role, c.author.organisation, c.author.email, c.author.url,
      c.postedAt, c.html, c.text, status, c.type, flags, old.id);
    if (!old.decided_by && status !== old.status) this.fileDecided.run(old.id);
    this.counts.updated++;
    return 'updated';
  }

  /**
   * Links the replies of the touched posts still without a parent (they came before it in the
   * file, or it is missing) by source id, flags replies whose parent is not there 'orphan' (and
   * unflags ones whose parent arrived). Returns the orphans' source ids (first 20) and count.
   */
  finish(): { orphanCount: number; orphans: { sourceId: string; parentSourceId: string }[] } {
    const link = this.db.prepare(
      `UPDATE comments SET parent_id = (
         SELECT p.id FROM comments p WHERE p.source = comments.source AND p.post_id = comments.post_id
           AND p.source_id = comments.parent_source_id AND p.id != comments.id)
       WHERE post_id = ? AND source = ? AND parent_source_id IS NOT NULL AND parent_id IS NULL`,
    );
    const flag = this.db.prepare(
      `UPDATE comments SET flags = json_insert(flags, '$[#]', 'orphan')
       WHERE post_id = ? AND source = ? AND parent_source_id IS NOT NULL AND parent_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM json_each(comments.flags) WHERE value = 'orphan')`,
    );
    const unflag = this.db.prepare(
      `UPDATE comments SET flags = (SELECT json_group_array(value) FROM json_each(comments.flags) WHERE value != 'orphan')
       WHERE post_id = ? AND source = ? AND parent_id IS NOT NULL AND instr(flags, '"orphan"') > 0
         AND EXISTS (SELECT 1 FROM json_each(comments.flags) WHERE value = 'orphan')`,
    );
    const list = this.db.prepare(
      `SELECT source_id AS sourceId, parent_source_id AS parentSourceId FROM comments
       WHERE post_id = ? AND source = ? AND parent_source_id IS NOT NULL AND parent_id IS NULL AND deleted_at IS NULL LIMIT 20`,
    );
    const count = this.db.prepare(
      `SELECT count(*) AS n FROM comments WHERE post_id = ? AND source = ? AND parent_source_id IS NOT NULL AND parent_id IS NULL AND deleted_at IS NULL`,
    );
    this.flushKeys();
    this.resumeDerived();
    let orphanCount = 0;
    const orphans: { sourceId: string; parentSourceId: string }[] = [];
    for (const { postId, source, unlinked, orphanFlags } of this.touched.values()) {
      // A post this import created holds only rows it wrote: when each reply found its parent as
      // it was written and none came flagged 'orphan', there is nothing to link, flag or count.
      if (this.newPosts.has(postId) && unlinked === 0 && orphanFlags === 0) continue;
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
