/**
 * Remote comments into the store, through the door a WXR import uses: the same sanitizer, the same
 * writer (source 'wxr', keyed by WordPress's comment id, so a comment that came in a WXR file and
 * again from the site is one comment), the same moderation rules on the new ones. Each comment's
 * remote twin (status and fingerprint when last seen) is written beside it. Call inside one
 * transaction: a batch is stored whole or not at all.
 */
import type { DB } from '../../db/connection';
import { CommentImportWriter } from '../../db/repos/comment-import';
import { importStart, moderateImport, type ImportModeration } from '../moderation/import-rules';
import { cleanCommentBody } from '../sanitize/comment-html';
import type { RemoteComment } from './publisher';

/** The source WXR imports use: WordPress comment ids belong to one identity space, however they came. */
export const WORDPRESS_COMMENT_SOURCE = 'wxr';

export interface StoredBatch {
  imported: number;
  updated: number;
  unchanged: number;
  moderation: ImportModeration | null;
}

export function storeRemoteComments(
  db: DB, siteId: string, comments: readonly RemoteComment[], localPostOf: (remotePostId: number) => string | undefined, warn: (why: string) => void,
): StoredBatch {
  if (!db.inTransaction) throw new Error('storeRemoteComments needs an open transaction');
  const firstNew = importStart(db);
  const writer = new CommentImportWriter(db);
  const twin = db.prepare(
    `INSERT INTO cms_comments (site_id, comment_id, remote_id, remote_post_id, remote_status, fingerprint)
     SELECT ?, id, ?, ?, ?, ? FROM comments WHERE source = ? AND post_id = ? AND source_id = ?
     ON CONFLICT (site_id, remote_id) DO UPDATE SET remote_status = excluded.remote_status, fingerprint = excluded.fingerprint`,
  );
  for (const c of comments) {
    const postId = localPostOf(c.remotePostId);
    if (!postId) continue;
    const clean = cleanCommentBody(c.html, true, (why) => warn(`comment ${c.remoteId}: ${why}`));
    writer.upsert({
      postId, source: WORDPRESS_COMMENT_SOURCE, sourceId: String(c.remoteId), parentSourceId: c.parentRemoteId === null ? null : String(c.parentRemoteId),
      author: { name: c.authorName, role: '', organisation: '', email: c.authorEmail, url: c.authorUrl },
      postedAt: c.dateGmt, html: clean.html, text: clean.text, status: c.status, type: 'comment', flags: [],
    });
    twin.run(siteId, c.remoteId, c.remotePostId, c.status, c.fingerprint, WORDPRESS_COMMENT_SOURCE, postId, String(c.remoteId));
  }
  writer.finish();
  // The rules a WXR import applies, on this batch's new comments (pending ones no person decided).
  const moderation = moderateImport(db, firstNew);
  return { ...writer.counts, moderation };
}
