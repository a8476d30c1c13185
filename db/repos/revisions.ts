/**
 * Revisions: snapshots of a post's title, standfirst and body. posts.update takes one inside its
 * own transaction at least every five minutes of editing and on every status change; a restore
 * first snapshots the current text, so nothing the user had is ever lost by going back.
 */
import type { DB } from '../connection';
import type { EditorState, Revision } from '../../common/domain';
import { AppError } from '../../common/errors';
import { uuidv7 } from '../../common/ids';
import { editorStateText } from '../../common/editor/state-text';

/** Editing for longer than this without a snapshot takes one on the next save. */
export const SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000;

export interface RevisionRow {
  id: string;
  post_id: string;
  revision: number;
  title: string;
  standfirst: string;
  body: string;
  word_count: number;
  reason: string;
  created_at: string;
}

/** The stored fields of a post a snapshot copies. */
export interface SnapshotSource {
  id: string;
  revision: number;
  title: string;
  standfirst: string;
  body: string;
  word_count: number;
}

function toRevision(r: RevisionRow): Revision {
  return { id: r.id, postId: r.post_id, revision: r.revision, title: r.title, wordCount: r.word_count, reason: r.reason, createdAt: r.created_at };
}

/** Stores a snapshot of the post as given and marks the post's last snapshot time. */
export function takeSnapshot(db: DB, post: SnapshotSource, reason: string, now: string): Revision {
  const id = uuidv7();
  db.prepare(
    `INSERT INTO revisions (id, created_at, updated_at, post_id, revision, title, standfirst, body, word_count, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, now, now, post.id, post.revision, post.title, post.standfirst, post.body, post.word_count, reason.slice(0, 200));
  db.prepare('UPDATE posts SET last_snapshot_at = ? WHERE id = ?').run(now, post.id);
  return toRevision(db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as RevisionRow);
}

/** Whether a save at `now` is due a snapshot: never taken, or the last one is five minutes old. */
export function snapshotDue(lastSnapshotAt: string | null, now: string): boolean {
  return lastSnapshotAt === null || Date.parse(now) - Date.parse(lastSnapshotAt) >= SNAPSHOT_INTERVAL_MS;
}

export function listRevisions(db: DB, postId: string): Revision[] {
  const rows = db
    .prepare('SELECT * FROM revisions WHERE post_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC')
    .all(postId) as RevisionRow[];
  return rows.map(toRevision);
}

export interface RevisionContent extends Revision {
  standfirst: string;
  body: EditorState;
  text: string;
}

export function getRevision(db: DB, id: string): RevisionContent {
  const row = db.prepare('SELECT * FROM revisions WHERE id = ? AND deleted_at IS NULL').get(id) as RevisionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No revision with id ${id}.`);
  const body = JSON.parse(row.body) as EditorState;
  return { ...toRevision(row), standfirst: row.standfirst, body, text: editorStateText(body) };
}

/** Title, standfirst and body as one text, the way a diff shows a post. */
export function comparableText(title: string, standfirst: string, bodyText: string): string {
  return [title, standfirst, bodyText].filter((s) => s.trim() !== '').join('\n\n');
}
