/**
 * The second half of an incremental pull: comments already pulled that changed in WordPress since
 * (moderated there, edited, re-parented). WordPress keeps no modification date for comments, so
 * one light sweep per post group reads every comment's status, author and text (no avatars, links,
 * dates or meta), and compares its fingerprint with the one stored at the last pull or
 * push (cms_comments). Only the changed ones are then fetched in full.
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
import { conflictOf, moderationChanges, type ModerationConflict } from './push-moderation';

export interface RemoteChanges {
  /** Pulled comments changed there since: the ones to store (conflicts left out). */
  take: RemoteComment[];
  conflicts: ModerationConflict[];
  /** How many comments were fetched in full. */
  fetched: number;
}

export async function findRemoteChanges(db: DB, wp: Publisher, site: CmsSite, remotePostIds: number[]): Promise<RemoteChanges> {
  const out: RemoteChanges = { take: [], conflicts: [], fetched: 0 };
  if (!remotePostIds.length) return out;
  const seen = db.prepare('SELECT fingerprint FROM cms_comments WHERE site_id = ? AND remote_id = ?').pluck();
  const changed = (await wp.sweepComments(remotePostIds)).filter((s) => {
    const last = seen.get(site.id, s.remoteId) as string | undefined;
    return last !== undefined && last !== s.fingerprint;
  });
  if (!changed.length) return out;
  const full = await wp.getComments(changed.map((s) => s.remoteId));
  out.fetched = full.length;
  const pending = new Map(moderationChanges(db, site).map((ch) => [ch.remoteId, ch]));
  for (const c of full) {
    const mine = pending.get(c.remoteId);
    if (mine && mine.to !== c.status) out.conflicts.push(conflictOf(mine, c.status));
    else out.take.push(c);
  }
  return out;
}

/**
 * Lets the statuses WordPress now gives these comments replace those decided here earlier (the
 * writer keeps a decided status otherwise); a status that stays keeps its mark. Call in the transaction that stores them.
 */
export function releaseDecisions(db: DB, site: CmsSite, taken: readonly RemoteComment[]): void {
  const release = db.prepare(
    `DELETE FROM comment_verdicts WHERE comment_id = (
       SELECT c.id FROM cms_comments t JOIN comments c ON c.id = t.comment_id WHERE t.site_id = ? AND t.remote_id = ? AND c.status != ?)`,
  );
  for (const c of taken) release.run(site.id, c.remoteId, c.status);
}
