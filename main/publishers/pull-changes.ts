/**
 * The second half of an incremental pull: comments already pulled that changed in WordPress since
 * (moderated there, edited, re-parented). WordPress keeps no modification date for comments, so
 * one light sweep per post group reads every comment's status, author and text (no avatars, links,
 * dates or meta), and compares its fingerprint with the one stored at the last pull or
 * push (cms_comments). Only the changed ones are then fetched in full. A `full` pull reads them
 * all and sorts them the same way.
 *
 * A change there to a comment whose status was also decided here since (a moderation change not
 * yet pushed) is not taken: the comment and what was last seen of it stay as they are, and it is
 * reported as the push's conflict, for the user to decide (push theirs away with overwrite, or set
 * the status back, and the next pull takes theirs). A change to any other comment is taken,
 * status included: a status decided here earlier and already sent was WordPress's too, and has now
 * been decided again there.
 */
import type { DB } from '../../db/connection';
import type { CmsSite } from '../../db/repos/cms';
import type { Publisher, RemoteComment } from './publisher';
import { conflictOf, moderationChanges, type ModerationChange, type ModerationConflict } from './push-moderation';

/**
 * The pulled comments that changed there since they were last seen, fetched in full: one sweep of
 * stamps, then one request per hundred changed comments (none when nothing changed).
 */
export async function fetchRemoteChanges(db: DB, wp: Publisher, site: CmsSite, remotePostIds: number[]): Promise<RemoteComment[]> {
  if (!remotePostIds.length) return [];
  const seen = db.prepare('SELECT fingerprint FROM cms_comments WHERE site_id = ? AND remote_id = ?').pluck();
  const changed = (await wp.sweepComments(remotePostIds)).filter((s) => {
    const last = seen.get(site.id, s.remoteId) as string | undefined;
    return last !== undefined && last !== s.fingerprint;
  });
  return changed.length ? wp.getComments(changed.map((s) => s.remoteId)) : [];
}

export interface SortedBatch {
  /** What to store: new, unchanged, and changed there without a local decision against it. */
  take: RemoteComment[];
  /** How many of those changed there since last seen. */
  changed: number;
  conflicts: ModerationConflict[];
}

/**
 * Sorts fetched comments (any pull, full or not) against what was last seen of them. Call in the
 * transaction that stores `take`: it also lets the statuses WordPress now gives the changed ones
 * replace those decided here earlier (the writer keeps a decided status otherwise); a status that
 * stays keeps its mark.
 */
export function sortRemoteChanges(db: DB, site: CmsSite, comments: readonly RemoteComment[]): SortedBatch {
  const out: SortedBatch = { take: [], changed: 0, conflicts: [] };
  const seen = db.prepare('SELECT fingerprint FROM cms_comments WHERE site_id = ? AND remote_id = ?').pluck();
  const release = db.prepare(
    `DELETE FROM comment_verdicts WHERE comment_id = (
       SELECT c.id FROM cms_comments t JOIN comments c ON c.id = t.comment_id WHERE t.site_id = ? AND t.remote_id = ? AND c.status != ?)`,
  );
  let pending: Map<number, ModerationChange> | null = null;
  for (const c of comments) {
    const last = seen.get(site.id, c.remoteId) as string | undefined;
    if (last === undefined || last === c.fingerprint) {
      out.take.push(c);
      continue;
    }
    pending ??= new Map(moderationChanges(db, site).map((ch) => [ch.remoteId, ch]));
    const mine = pending.get(c.remoteId);
    if (mine && mine.to !== c.status) {
      out.conflicts.push(conflictOf(mine, c.status));
      continue;
    }
    release.run(site.id, c.remoteId, c.status);
    out.take.push(c);
    out.changed++;
  }
  return out;
}
