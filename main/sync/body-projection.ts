/**
 * Between a post's row and its body document, in both directions, headless (no window needed):
 *
 * - projectBody: the document's body into the row (JSON, text, word count; the search index
 *   follows through the posts_fts triggers), after a remote change.
 * - pushBody: a change made to the row (a save, a restore, a script's posts.update) into the
 *   document, as the edit from the last point where both agreed to the row's body, so that words
 *   it did not change keep the edits colleagues made meanwhile.
 * - seedBodies: bootstrap once. A body becomes a document only after this laptop has synced that
 *   document with the server and found it empty, or for a post created here after joining (nobody
 *   else can have it). A member who joins holding the same post never seeds it again: the same
 *   text is taken as is, and a different one is kept as a revision and raised in Needs decision.
 */
import * as Y from 'yjs';
import type { EditorState } from '../../common/domain';
import { editorStateText } from '../../common/editor/state-text';
import { canWrite, refusalReason, type Role } from '../../common/sync/documents';
import { countWords } from '../../common/text';
import type { DB } from '../../db/connection';
import { replacePostText } from '../../db/repos/posts';
import { getRevision, takeSnapshot, type SnapshotSource } from '../../db/repos/revisions';
import { AppError } from '../../common/errors';
import { bodySha, latestBase, recordBase, stateAt } from './body-bases';
import { editFrom, isEmptyBody, readDocBody } from './body-binding';
import { bodyDocName } from './body-docs';
import { LOCAL, type LocalDocs } from './local-docs';
import { decisionLog, registers } from './registers';
import { statement } from './statements';

/** The fields of a post a snapshot copies, and when it was created (for the bootstrap rule). */
export interface PostBodyRow extends SnapshotSource {
  created_at: string;
}

const rowOf = (db: DB, postId: string) =>
  statement(db, 'SELECT id, revision, title, standfirst, body, word_count, created_at FROM posts WHERE id = ?').get(postId) as PostBodyRow | undefined;

const textOf = (json: string): string => editorStateText(JSON.parse(json) as EditorState);

const roleOf = (db: DB): Role => (statement(db, 'SELECT role FROM sync_workspace WHERE id = 1', true).get() as Role | undefined) ?? 'reviewer';
const refusedHere = (db: DB, postId: string): boolean => !!statement(db, "SELECT 1 FROM sync_refused WHERE tbl = 'posts' AND row_id = ? AND field = 'body'").get(postId);

/** Runs a write that must not go back out through the outbox (it came from the document). */
function silently(db: DB, fn: () => void): void {
  const was = statement(db, 'SELECT applying FROM sync_workspace WHERE id = 1', true).get() as number | undefined;
  statement(db, 'UPDATE sync_workspace SET applying = 1 WHERE id = 1').run();
  try {
    fn();
  } finally {
    statement(db, 'UPDATE sync_workspace SET applying = ? WHERE id = 1').run(was ?? 0);
  }
}

/** Writes the document's body into the row when it differs, and records that they now agree. */
export function writeRow(db: DB, row: PostBodyRow, doc: Y.Doc): boolean {
  const body = readDocBody(doc);
  const json = JSON.stringify(body);
  let revision = row.revision;
  const changed = json !== row.body;
  if (changed) {
    const text = editorStateText(body as unknown as EditorState);
    silently(db, () =>
      statement(db, 'UPDATE posts SET body = ?, body_text = ?, word_count = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(json, text, countWords(text), new Date().toISOString(), row.id),
    );
    revision += 1;
  }
  recordBase(db, row.id, revision, json, doc, changed);
  return changed;
}

export type Projected = 'written' | 'same' | 'waiting' | 'unseeded' | 'held';

/** The body document's text into its post's row ('waiting': the post has not arrived yet). */
export function projectBody(db: DB, docs: LocalDocs, postId: string): Projected {
  const row = rowOf(db, postId);
  if (!row) return 'waiting';
  const doc = docs.get(bodyDocName(postId));
  if (isEmptyBody(doc)) return 'unseeded';
  const base = latestBase(db, postId);
  // This laptop's own text for a post it held before joining: seedBodies reconciles it first.
  if (!base && textOf(row.body).trim() !== '') return 'held';
  // A change made here and not merged yet (push merges it, then writes the row), or refused and not
  // discarded yet (listed in sync_refused, as other columns are): never overwritten.
  if (base && bodySha(row.body) !== base.bodySha && (canWrite(roleOf(db), 'body') || refusedHere(db, postId))) return 'held';
  return writeRow(db, row, doc) ? 'written' : 'same';
}

/** Puts a body into an empty document (the one bootstrap) and records the agreement. */
function seed(db: DB, row: PostBodyRow, doc: Y.Doc): boolean {
  if (textOf(row.body).trim() === '') {
    recordBase(db, row.id, row.revision, row.body, doc);
    return false;
  }
  Y.applyUpdate(doc, editFrom(null, JSON.parse(row.body) as never), LOCAL);
  writeRow(db, row, doc);
  return true;
}

/** A row changed here into its body document (called by push for every posts row it sends). */
export function pushBody(db: DB, docs: LocalDocs, role: import('../../common/sync/documents').Role, postId: string, joinedAt: string): void {
  const row = rowOf(db, postId);
  if (!row) return;
  // The document is loaded only when the body has to go into it: a reconnect after a thousand
  // changed standfirsts loaded a thousand body documents for nothing (2 s of its 8 s of CPU).
  const doc = () => docs.get(bodyDocName(postId));
  const base = latestBase(db, postId);
  if (!canWrite(role, 'body')) {
    if (base && bodySha(row.body) !== base.bodySha) {
      db.prepare('INSERT OR REPLACE INTO sync_refused (tbl, row_id, field, doc, value, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        'posts', postId, 'body', bodyDocName(postId), textOf(row.body).slice(0, 200), refusalReason(role, 'body'), new Date().toISOString(),
      );
    }
    return;
  }
  if (!base) {
    if (row.created_at >= joinedAt && isEmptyBody(doc())) seed(db, row, doc());
    return;
  }
  if (bodySha(row.body) === base.bodySha) return;
  const loaded = doc();
  Y.applyUpdate(loaded, editFrom(stateAt(loaded, base.snapshot), JSON.parse(row.body) as never), LOCAL);
  writeRow(db, rowOf(db, postId)!, loaded);
}

/**
 * Bootstraps or reconciles every post whose body this laptop has not agreed with its document
 * yet, among those whose document has synced with the server. Returns how many documents it
 * changed (they have to reach the server before a sync is through).
 */
export function seedBodies(db: DB, docs: LocalDocs, member: { name: string; role: import('../../common/sync/documents').Role }, synced: (name: string) => boolean): number {
  const ids = db.prepare('SELECT id FROM posts WHERE id NOT IN (SELECT post_id FROM sync_body_bases)').pluck().all() as string[];
  let changed = 0;
  for (const id of ids) {
    const name = bodyDocName(id);
    if (!synced(name)) continue;
    const row = rowOf(db, id)!;
    const doc = docs.get(name);
    if (isEmptyBody(doc)) {
      if (canWrite(member.role, 'body') && seed(db, row, doc)) changed++;
      continue;
    }
    const shared = JSON.stringify(readDocBody(doc));
    const mine = textOf(row.body);
    if (mine.trim() !== '' && mine !== textOf(shared)) {
      // Two texts of one post: never pasted in twice. Ours is kept as a revision (restorable, and a
      // restore merges as an ordinary edit); the workspace's is taken; the choice is raised.
      const now = new Date().toISOString();
      let kept!: { id: string };
      silently(db, () => (kept = takeSnapshot(db, row, 'this laptop’s text before joining the workspace', now)));
      doc.transact(() => raiseJoinChoice(doc, `post:${id}|body`, kept.id, member.name, now), LOCAL);
      changed++;
    }
    writeRow(db, row, doc);
  }
  return changed;
}

/** Two sibling decisions (same parent) make a conflict in Needs decision (registers.ts); the workspace's text is in force. */
function raiseJoinChoice(doc: Y.Doc, key: string, revisionId: string, by: string, at: string): void {
  const workspace = { id: `${revisionId}-workspace`, key, parent: '', v: 'the workspace’s text', by: 'the workspace', at };
  decisionLog(doc).push([workspace, { id: `${revisionId}-laptop`, key, parent: '', v: `${JOIN_CHOICE}${revisionId}`, by, at }]);
  registers(doc).set(key, { v: workspace.v, e: workspace.id });
}

/** The value of the choice that restores a joining laptop's own text (kept as the named revision). */
export const JOIN_CHOICE = 'this laptop’s text before joining, kept as revision ';

/**
 * A joining laptop's own text was picked in Needs decision: it is restored from its revision into
 * the row, and the next push merges it into the document as an ordinary edit.
 */
export function restoreJoinChoice(db: DB, value: unknown): void {
  if (typeof value !== 'string' || !value.startsWith(JOIN_CHOICE)) return;
  const id = value.slice(JOIN_CHOICE.length);
  if (!db.prepare('SELECT 1 FROM revisions WHERE id = ?').get(id)) {
    throw new AppError('NOT_FOUND', `That text is kept on the laptop that joined with it (revision ${id}); pick it there. Nothing was changed.`);
  }
  const rev = getRevision(db, id);
  const post = rowOf(db, rev.postId);
  if (post) replacePostText(db, rev.postId, { title: post.title, standfirst: post.standfirst, body: rev.body }, new Date().toISOString());
}
