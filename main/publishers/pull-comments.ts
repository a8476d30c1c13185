/**
 * Pulling a site's reader comments into the review pane. They go through the same door as a WXR
 * import: the same sanitizer, the same writer (source 'wxr', keyed by WordPress's comment id, so a
 * comment that came in a WXR file and again by a pull is one comment), the same moderation rules
 * on new comments, one transaction. Everything is fetched first and written at the end, so a pull
 * the network breaks writes nothing and a re-run starts clean.
 *
 * Incremental: WordPress keeps no modification date for comments, so a later pull pages from the
 * newest comment id down and stops at the first one already stored; posts pulled for the first time
 * and `full` pulls read every page. Changes made there to comments already pulled are caught by
 * `full`, and by the push, which reads each comment back before it changes it.
 */
import type { DB } from '../../db/connection';
import { AppError } from '../../common/errors';
import { CommentImportWriter } from '../../db/repos/comment-import';
import { linkedPostsOfSite, saveRemotePost, setCommentsPulledAt, type CmsSite } from '../../db/repos/cms';
import { findPostRow } from '../../db/repos/posts';
import { postBodyFromHtml } from '../importers/post-body';
import { importStart, moderateImport } from '../moderation/import-rules';
import { cleanCommentBody } from '../sanitize/comment-html';
import type { Publisher, RemoteComment } from './publisher';

/** The source WXR imports use: WordPress comment ids belong to one identity space, however they came. */
export const WORDPRESS_COMMENT_SOURCE = 'wxr';

export interface PullRequest {
  /** Local posts to pull for; default every post linked to the site. */
  posts?: ({ id: string } | { slug: string })[];
  /** Every post of the site, creating local posts for those not published from here. */
  all?: boolean;
  /** Read every comment again, not only new ones. */
  full?: boolean;
}

export interface PullOutcome {
  siteId: string;
  posts: number;
  postsCreated: number;
  fetched: number;
  imported: number;
  updated: number;
  unchanged: number;
  warnings: string[];
}

export async function pullComments(db: DB, wp: Publisher, site: CmsSite, req: PullRequest = {}): Promise<PullOutcome> {
  const warnings: string[] = [];
  let postsCreated = 0;
  if (req.all) {
    // Link the site's posts not published from here to local posts (found by link or slug, else created).
    const remote = await wp.listPosts();
    const linked = new Set(linkedPostsOfSite(db, site.id).map((l) => l.remoteId));
    db.transaction(() => {
      const writer = new CommentImportWriter(db);
      for (const p of remote.filter((r) => !linked.has(r.remoteId))) {
        const postId = writer.ensurePost({ source: 'wordpress', sourceId: String(p.remoteId), title: p.title, link: p.link, slug: p.slug, publishedAt: p.dateGmt, body: () => postBodyFromHtml('') });
        saveRemotePost(db, { siteId: site.id, postId, remoteId: p.remoteId, link: p.link, remoteStatus: '', modifiedGmt: '' });
      }
      writer.finish();
      postsCreated = writer.postsCreated;
    })();
  }
  let links = linkedPostsOfSite(db, site.id);
  if (req.posts?.length) {
    const wanted = new Set(req.posts.map((ref) => {
      const row = findPostRow(db, ref);
      if (!row) throw new AppError('NOT_FOUND', `No post ${'id' in ref ? ref.id : `"${ref.slug}"`} here.`);
      return row.id;
    }));
    links = links.filter((l) => wanted.has(l.postId));
    const missing = [...wanted].filter((id) => !links.some((l) => l.postId === id));
    if (missing.length) throw new AppError('BAD_INPUT', `${missing.length === 1 ? 'A post you named is' : `${missing.length} posts you named are`} not on ${site.url}: publish them there first, or pull with --all.`);
  }
  const localOf = new Map(links.map((l) => [l.remoteId, l.postId]));
  const newest = db.prepare('SELECT max(remote_id) FROM cms_comments WHERE site_id = ? AND remote_post_id = ?').pluck();
  const fresh = links.filter((l) => req.full || newest.get(site.id, l.remoteId) === null).map((l) => l.remoteId);
  const known = links.filter((l) => !fresh.includes(l.remoteId));

  const fetched: RemoteComment[] = [];
  if (fresh.length) await wp.listComments({ postIds: fresh }, (page) => fetched.push(...page));
  if (known.length) {
    const stopAt = Math.min(...known.map((l) => newest.get(site.id, l.remoteId) as number));
    await wp.listComments({ postIds: known.map((l) => l.remoteId), newerThanId: stopAt }, (page) => fetched.push(...page));
  }

  const counts = { imported: 0, updated: 0, unchanged: 0 };
  db.exec('BEGIN IMMEDIATE');
  try {
    const firstNew = importStart(db);
    const writer = new CommentImportWriter(db);
    const twin = db.prepare(
      `INSERT INTO cms_comments (site_id, comment_id, remote_id, remote_post_id, remote_status, fingerprint)
       SELECT ?, id, ?, ?, ?, ? FROM comments WHERE source = ? AND post_id = ? AND source_id = ?
       ON CONFLICT (site_id, remote_id) DO UPDATE SET remote_status = excluded.remote_status, fingerprint = excluded.fingerprint`,
    );
    for (const c of fetched) {
      const postId = localOf.get(c.remotePostId);
      if (!postId) continue;
      const clean = cleanCommentBody(c.html, true, (why) => warnings.push(`comment ${c.remoteId}: ${why}`));
      writer.upsert({
        postId, source: WORDPRESS_COMMENT_SOURCE, sourceId: String(c.remoteId), parentSourceId: c.parentRemoteId === null ? null : String(c.parentRemoteId),
        author: { name: c.authorName, role: '', organisation: '', email: c.authorEmail, url: c.authorUrl },
        postedAt: c.dateGmt, html: clean.html, text: clean.text, status: c.status, type: 'comment', flags: [],
      });
      twin.run(site.id, c.remoteId, c.remotePostId, c.status, c.fingerprint, WORDPRESS_COMMENT_SOURCE, postId, String(c.remoteId));
    }
    writer.finish();
    moderateImport(db, firstNew);
    Object.assign(counts, writer.counts);
    setCommentsPulledAt(db, site.id, new Date().toISOString());
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
  return { siteId: site.id, posts: links.length, postsCreated, fetched: fetched.length, ...counts, warnings };
}
