/**
 * Posting a reply draft marked ready as a WordPress reply, as the connected user. The reply is then
 * stored as a comment like any pulled one (parent: the comment it answers), linked to its remote id,
 * so the next pull finds it already there. Its marker is written first, carried in the reply as an
 * HTML comment, and kept: posting again (or a re-run after a crash) finds the reply already there
 * instead of posting it twice.
 */
import type { DB } from '../../db/connection';
import { AppError } from '../../common/errors';
import { renderBody } from '../../common/publish/index';
import { CommentImportWriter } from '../../db/repos/comment-import';
import { pendingMarker, type CmsSite } from '../../db/repos/cms';
import { getComment } from '../../db/repos/comments';
import { getReply } from '../../db/repos/replies';
import { cleanCommentBody } from '../sanitize/comment-html';
import type { Publisher, RemoteComment } from './publisher';
import { WORDPRESS_COMMENT_SOURCE } from './pull-comments';

export interface ReplyOutcome {
  commentId: string;
  replyRemoteId: number;
  created: boolean;
}

export async function postReply(db: DB, wp: Publisher, site: CmsSite, commentId: string): Promise<ReplyOutcome> {
  const comment = getComment(db, commentId);
  const reply = getReply(db, commentId);
  if (!reply || reply.status !== 'ready') throw new AppError('BAD_INPUT', `The reply to ${comment.author.name || 'this comment'} is not marked ready; finish it and mark it ready first.`);
  const twin = db.prepare('SELECT remote_id AS remoteId, remote_post_id AS remotePostId FROM cms_comments WHERE site_id = ? AND comment_id = ?').get(site.id, commentId) as { remoteId: number; remotePostId: number } | undefined;
  if (!twin) throw new AppError('BAD_INPUT', `This comment did not come from ${site.url}; a reply can only go to the site the comment is on.`);
  const { marker, earlier } = pendingMarker(db, site.id, 'reply', reply.id);
  const html = renderBody(JSON.parse(reply.body), {}).html || `<p>${reply.text}</p>`;
  let posted: RemoteComment | null = null;
  if (earlier) {
    posted = await findReplyByMarker(wp, twin.remotePostId, marker);
  }
  const created = !posted;
  posted ??= await wp.createReply({ remotePostId: twin.remotePostId, parentRemoteId: twin.remoteId, html: `<!-- ${marker} -->\n${html}` });
  db.transaction(() => {
    const writer = new CommentImportWriter(db);
    const clean = cleanCommentBody(posted!.html, true);
    writer.upsert({
      postId: comment.postId, source: WORDPRESS_COMMENT_SOURCE, sourceId: String(posted!.remoteId), parentSourceId: String(twin.remoteId),
      author: { name: posted!.authorName, role: '', organisation: '', email: posted!.authorEmail, url: posted!.authorUrl },
      postedAt: posted!.dateGmt, html: clean.html, text: clean.text, status: posted!.status, type: 'comment', flags: [],
    });
    writer.finish();
    db.prepare(
      `INSERT OR REPLACE INTO cms_comments (site_id, comment_id, remote_id, remote_post_id, remote_status, fingerprint)
       SELECT ?, id, ?, ?, ?, ? FROM comments WHERE source = ? AND post_id = ? AND source_id = ?`,
    ).run(site.id, posted!.remoteId, twin.remotePostId, posted!.status, posted!.fingerprint, WORDPRESS_COMMENT_SOURCE, comment.postId, String(posted!.remoteId));
  })();
  return { commentId, replyRemoteId: posted.remoteId, created };
}

async function findReplyByMarker(wp: Publisher, remotePostId: number, marker: string): Promise<RemoteComment | null> {
  let hit: RemoteComment | null = null;
  await wp.listComments({ postIds: [remotePostId] }, (page) => {
    hit ??= page.find((c) => c.html.includes(marker)) ?? null;
  });
  return hit;
}
