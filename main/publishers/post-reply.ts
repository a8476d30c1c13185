/**
 * Posting a reply draft marked ready as a WordPress reply, as the connected user. The reply is then
 * stored as a comment like any pulled one (parent: the comment it answers), and the answered
 * comment remembers the remote reply's id and link (cms_replies), which the review pane shows.
 * Posting again finds that row and sends nothing. The marker, written before the reply is sent and
 * carried in it as an HTML comment, covers the gap between: a re-run after a crash finds the reply
 * already there instead of posting it twice.
 */
import type { DB } from '../../db/connection';
import { AppError } from '../../common/errors';
import { renderBody } from '../../common/publish/index';
import { clearPending, pendingMarker, postedReply, remotePostsOfPost, savePostedReply, siteOfComment, type CmsSite } from '../../db/repos/cms';
import { getComment } from '../../db/repos/comments';
import { getReply } from '../../db/repos/replies';
import type { Publisher, RemoteComment } from './publisher';
import { storeRemoteComments } from './store-comments';

export interface ReplyOutcome {
  commentId: string;
  replyRemoteId: number;
  link: string;
  created: boolean;
}

export async function postReply(db: DB, wp: Publisher, site: CmsSite, commentId: string): Promise<ReplyOutcome> {
  const comment = getComment(db, commentId);
  const twin = siteOfComment(db, commentId);
  if (!twin || twin.siteId !== site.id) throw new AppError('BAD_INPUT', `This comment did not come from ${site.url}; a reply can only go to the site the comment is on.`);
  const done = postedReply(db, site.id, commentId);
  if (done) return { commentId, replyRemoteId: done.remoteId, link: done.link, created: false };
  const reply = getReply(db, commentId);
  if (!reply || reply.status !== 'ready') throw new AppError('BAD_INPUT', `The reply to ${comment.author.name || 'this comment'} is not marked ready; finish it and mark it ready first.`);
  if (!reply.text.trim()) throw new AppError('BAD_INPUT', `The reply to ${comment.author.name || 'this comment'} is empty; write it first.`);
  const { marker, earlier } = pendingMarker(db, site.id, 'reply', reply.id);
  const html = renderBody(JSON.parse(reply.body), {}).html || `<p>${reply.text}</p>`;
  let posted: RemoteComment | null = earlier ? await findReplyByMarker(wp, twin.remotePostId, marker) : null;
  const created = !posted;
  posted ??= await wp.createReply({ remotePostId: twin.remotePostId, parentRemoteId: twin.remoteId, html: `<!-- ${marker} -->\n${html}` });
  const sent = posted;
  // WordPress's own link to the comment; the post's link with the comment's anchor if it gave none.
  const postLink = remotePostsOfPost(db, comment.postId).find((l) => l.siteId === site.id)?.link ?? '';
  const link = sent.link || (postLink ? `${postLink}#comment-${sent.remoteId}` : '');
  db.transaction(() => {
    storeRemoteComments(db, site.id, [sent], () => comment.postId, () => {});
    savePostedReply(db, { siteId: site.id, commentId, remoteId: sent.remoteId, link });
    clearPending(db, site.id, 'reply', reply.id);
  })();
  return { commentId, replyRemoteId: sent.remoteId, link, created };
}

async function findReplyByMarker(wp: Publisher, remotePostId: number, marker: string): Promise<RemoteComment | null> {
  let hit: RemoteComment | null = null;
  await wp.listComments({ postIds: [remotePostId] }, (page) => {
    hit ??= page.find((c) => c.html.includes(marker)) ?? null;
  });
  return hit;
}
