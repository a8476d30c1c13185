/**
 * The reader comments of an imported page go onto the new post through the comment importer's
 * own writer and cleaner, inside the draft import's transaction, so they are stored exactly as a
 * comment import of the same text would store them (escaped text, approved).
 */
import type { DB } from '../../db/connection';
import { CommentImportWriter } from '../../db/repos/comment-import';
import { cleanCommentBody } from '../sanitize/comment-html';
import type { PageComment } from './document';

/** The comments' source name: the issue names copied-page comments 'page'. */
export const PAGE_COMMENT_SOURCE = 'page';

export function insertPageComments(db: DB, postId: string, comments: PageComment[]): number {
  const writer = new CommentImportWriter(db);
  for (const c of comments) {
    const body = cleanCommentBody(c.body, false);
    writer.upsert({
      postId,
      source: PAGE_COMMENT_SOURCE,
      sourceId: c.id,
      parentSourceId: null,
      author: { name: c.name, role: c.role, organisation: c.organisation, email: '', url: '' },
      postedAt: null,
      html: body.html,
      text: body.text,
      status: 'approved',
      type: 'comment',
      flags: [],
    });
  }
  writer.finish();
  return writer.counts.imported + writer.counts.updated;
}
