/**
 * Sending moderation decisions back: every pulled comment whose status here differs from its status
 * there when last seen is a change. The preview lists them all; the push reads each comment back
 * first, and one changed there since the pull (status, text or author) is not overwritten: it comes
 * back as a conflict for the user to decide (push it anyway, or pull to take theirs). Each change
 * is recorded as soon as WordPress confirms it, so a push cut short loses nothing and a re-run
 * sends only what is left.
 */
import type { DB } from '../../db/connection';
import type { CommentStatus } from '../../common/domain';
import { AppError } from '../../common/errors';
import type { CmsSite } from '../../db/repos/cms';
import type { Publisher } from './publisher';

export interface ModerationChange {
  commentId: string;
  remoteId: number;
  postTitle: string;
  author: string;
  excerpt: string;
  /** The status there when last seen. */
  from: CommentStatus;
  /** The status decided here. */
  to: CommentStatus;
}

export interface ModerationConflict extends ModerationChange {
  /** What it is there now (null: deleted there). */
  remoteNow: CommentStatus | null;
  reason: string;
}

export interface PushOutcome {
  siteId: string;
  dryRun: boolean;
  changes: ModerationChange[];
  pushed: number;
  conflicts: ModerationConflict[];
}

export function moderationChanges(db: DB, site: CmsSite): ModerationChange[] {
  return (db.prepare(
    `SELECT c.id AS commentId, t.remote_id AS remoteId, p.title AS postTitle, c.author_name AS author, substr(c.body_text, 1, 120) AS excerpt,
            t.remote_status AS "from", c.status AS "to"
     FROM cms_comments t JOIN comments c ON c.id = t.comment_id JOIN posts p ON p.id = c.post_id
     WHERE t.site_id = ? AND c.deleted_at IS NULL AND c.status != t.remote_status
     ORDER BY t.remote_id`,
  ).all(site.id) as ModerationChange[]);
}

/** A local decision against a comment changed there since it was last seen (by the push and the pull alike). */
export function conflictOf(ch: ModerationChange, remoteNow: CommentStatus): ModerationConflict {
  return { ...ch, remoteNow, reason: remoteNow !== ch.from ? `moderated in WordPress since the pull (now ${remoteNow})` : 'edited in WordPress since the pull' };
}

export async function pushModeration(db: DB, wp: Publisher, site: CmsSite, o: { dryRun?: boolean; overwrite?: number[] } = {}): Promise<PushOutcome> {
  const changes = moderationChanges(db, site);
  const out: PushOutcome = { siteId: site.id, dryRun: !!o.dryRun, changes, pushed: 0, conflicts: [] };
  if (o.dryRun || !changes.length) return out;
  if (!site.canModerate) throw new AppError('FORBIDDEN', `The user "${site.userName}" may not moderate comments on ${site.url}; connect with an Editor or Administrator account.`);
  const seen = db.prepare('SELECT fingerprint FROM cms_comments WHERE site_id = ? AND remote_id = ?').pluck();
  const record = db.prepare('UPDATE cms_comments SET remote_status = ?, fingerprint = ? WHERE site_id = ? AND remote_id = ?');
  const overwrite = new Set(o.overwrite ?? []);
  for (const ch of changes) {
    const now = await wp.getComment(ch.remoteId);
    if (!now) {
      out.conflicts.push({ ...ch, remoteNow: null, reason: 'deleted in WordPress since the pull' });
      continue;
    }
    if (now.fingerprint !== seen.get(site.id, ch.remoteId) && !overwrite.has(ch.remoteId)) {
      out.conflicts.push(conflictOf(ch, now.status));
      continue;
    }
    const after = now.status === ch.to ? now : await wp.setCommentStatus(ch.remoteId, ch.to);
    record.run(after.status, after.fingerprint, site.id, ch.remoteId);
    out.pushed++;
  }
  return out;
}
