/**
 * The points where a post's row and its body document agreed (sync_body_bases, migration 0190):
 * the row's revision, a hash of its body JSON and a Yjs snapshot of the document then. A change
 * made to the row since (a save, a restore) is merged into the document as the edit from that
 * snapshot's text to the row's, never as a replacement of the document.
 */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import type { DB } from '../../db/connection';
import { statement } from './statements';

/**
 * Kept per post: enough for a script's save made on a revision a few saves old, and for a title
 * saved by a window while its typing was projected into the row a keystroke at a time.
 */
const KEEP = 128;

export interface BodyBase {
  revision: number;
  bodySha: string;
  snapshot: Y.Snapshot;
}

export const bodySha = (json: string): string => crypto.createHash('sha256').update(json).digest('hex');

function toBase(r: { revision: number; body_sha: string; snapshot: Buffer } | undefined): BodyBase | undefined {
  return r && { revision: r.revision, bodySha: r.body_sha, snapshot: Y.decodeSnapshot(new Uint8Array(r.snapshot)) };
}

export function latestBase(db: DB, postId: string): BodyBase | undefined {
  return toBase(statement(db, 'SELECT revision, body_sha, snapshot FROM sync_body_bases WHERE post_id = ? ORDER BY revision DESC LIMIT 1').get(postId) as never);
}

/** The base recorded at a revision, or the latest one before it (a revision saved here and not yet merged). */
export function baseAt(db: DB, postId: string, revision: number): BodyBase | undefined {
  return toBase(db.prepare('SELECT revision, body_sha, snapshot FROM sync_body_bases WHERE post_id = ? AND revision <= ? ORDER BY revision DESC LIMIT 1').get(postId, revision) as never);
}

/**
 * `projected`: this revision was made by writing the document's body into the row, and changed
 * nothing else. Recording the same revision again (a projection that found the row already equal)
 * says nothing of how that revision was made, so it never clears the mark: it did, and a title
 * saved in the window straight after the body's first words was then refused as a conflict.
 */
export function recordBase(db: DB, postId: string, revision: number, bodyJson: string, doc: Y.Doc, projected = false): void {
  statement(
    db,
    `INSERT INTO sync_body_bases (post_id, revision, body_sha, snapshot, at, projected) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (post_id, revision) DO UPDATE SET body_sha = excluded.body_sha, snapshot = excluded.snapshot, at = excluded.at,
       projected = max(projected, excluded.projected)`,
  ).run(postId, revision, bodySha(bodyJson), Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))), new Date().toISOString(), projected ? 1 : 0);
  statement(db, 'DELETE FROM sync_body_bases WHERE post_id = ? AND revision <= (SELECT revision FROM sync_body_bases WHERE post_id = ? ORDER BY revision DESC LIMIT 1 OFFSET ?)').run(postId, postId, KEEP);
}

/** The document as it was at a snapshot, as one update (the document keeps deleted text: gc off). */
export function stateAt(doc: Y.Doc, snapshot: Y.Snapshot): Uint8Array {
  const then = Y.createDocFromSnapshot(doc, snapshot);
  try {
    return Y.encodeStateAsUpdate(then);
  } finally {
    then.destroy();
  }
}

/**
 * Whether every revision after `from` up to `to` only wrote the body document's text into the row
 * (typing in this or another window, a colleague's change): a save of the other fields made on
 * `from` then overwrites nothing of anyone's.
 */
export function onlyBodySince(db: DB, postId: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const n = db.prepare('SELECT count(*) FROM sync_body_bases WHERE post_id = ? AND revision > ? AND revision <= ? AND projected = 1').pluck().get(postId, from, to) as number;
  return n === to - from;
}
