/**
 * Who may change a draft's body (`body/<postId>`), decided per update, so that the server can one
 * day let a guest author's suggestion-only updates through (issue 17 item 4) without touching the
 * rest of the body's writers. Today a guest author's every change to the text is refused: they
 * read their draft and talk about it, but the text is the editors'.
 */
import { canWrite, refusalReason, type Role } from './documents';

export type WriteVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether a member of this role may apply this update to a draft's body. The update is given so
 * that a later rule may look inside it (a suggestion-only change from a guest); none does yet.
 */
export function mayWriteBody(role: Role, _update: Uint8Array): WriteVerdict {
  return canWrite(role, 'body') ? { ok: true } : { ok: false, reason: refusalReason(role, 'body') };
}
