/** Reply drafts: one live draft per comment, autosaved, with a revision check like posts. */
import type { DB } from '../connection';
import type { ReplyDraft } from '../../common/api/comments';
import { AppError } from '../../common/errors';
import { uuidv7 } from '../../common/ids';
import { nowIso } from '../clock';
import { getComment } from './comments';

interface ReplyRow {
  id: string;
  comment_id: string;
  body: string;
  body_text: string;
  status: ReplyDraft['status'];
  revision: number;
  created_at: string;
  updated_at: string;
}

const toReply = (r: ReplyRow): ReplyDraft => ({
  id: r.id,
  commentId: r.comment_id,
  body: r.body,
  text: r.body_text,
  status: r.status,
  revision: r.revision,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function getReply(db: DB, commentId: string): ReplyDraft | null {
  const row = db
    .prepare('SELECT * FROM reply_drafts WHERE comment_id = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1')
    .get(commentId) as ReplyRow | undefined;
  return row ? toReply(row) : null;
}

export interface SaveReplyFields {
  commentId: string;
  baseRevision: number;
  body: string;
  text: string;
  status: ReplyDraft['status'];
}

export function saveReply(db: DB, f: SaveReplyFields): ReplyDraft {
  return db.transaction(() => {
    getComment(db, f.commentId);
    const current = getReply(db, f.commentId);
    const stored = current?.revision ?? 0;
    if (stored !== f.baseRevision) {
      throw new AppError(
        'CONFLICT',
        `This reply was saved elsewhere (revision ${stored}, yours was based on ${f.baseRevision}); reload it before saving again.`,
        { revision: stored },
      );
    }
    const now = nowIso();
    if (!current) {
      db.prepare('INSERT INTO reply_drafts (id, created_at, updated_at, comment_id, body, body_text, status, revision) VALUES (?, ?, ?, ?, ?, ?, ?, 1)').run(
        uuidv7(), now, now, f.commentId, f.body, f.text, f.status,
      );
    } else {
      db.prepare('UPDATE reply_drafts SET body = ?, body_text = ?, status = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(
        f.body, f.text, f.status, now, current.id,
      );
    }
    return getReply(db, f.commentId)!;
  })();
}
