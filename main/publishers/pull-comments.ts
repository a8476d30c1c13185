/**
 * Pulling a site's reader comments into the review pane, through the door a WXR import uses
 * (store-comments.ts: the same sanitizer, writer and moderation rules).
 *
 * Page by page: each fetched page is stored in a transaction of its own, together with how far
 * the post's comments are now complete (cms_posts.comments_through). So a long pull shows its
 * progress, a cancel (or a network failure) keeps every page already stored and nothing
 * half-written, and the next pull fetches the rest.
 *
 * Incremental: WordPress keeps no modification date for comments, so a later pull pages from the
 * newest comment id down and stops at the cursor; the cursor moves only once that run is complete
 * (pages read newest first leave a gap until then). Posts pulled for the first time and `full`
 * pulls read every page oldest first, moving the cursor with each page. Comments already pulled
 * that changed there since are found by a light sweep and fetched alone (pull-changes.ts); one
 * also decided here since is not taken but reported as a conflict, as the push does.
 */
import type { DB } from '../../db/connection';
import { AppError } from '../../common/errors';
import { CommentImportWriter } from '../../db/repos/comment-import';
import { linkedPostsOfSite, saveRemotePost, setCommentsPulledAt, type CmsSite, type RemotePostLink } from '../../db/repos/cms';
import { findPostRow } from '../../db/repos/posts';
import { postBodyFromHtml } from '../importers/post-body';
import type { Publisher, RemoteComment } from './publisher';
import { storeRemoteComments } from './store-comments';
import { fetchRemoteChanges, sortRemoteChanges } from './pull-changes';
import type { ModerationConflict } from './push-moderation';

export { WORDPRESS_COMMENT_SOURCE } from './store-comments';

export interface PullProgress {
  pages: number;
  fetched: number;
  imported: number;
}

export interface PullRequest {
  /** Local posts to pull for; default every post linked to the site. */
  posts?: ({ id: string } | { slug: string })[];
  /** Every post of the site, creating local posts for those not published from here. */
  all?: boolean;
  /** Read every comment again, not only new ones. */
  full?: boolean;
  /** Stops the pull after the page in flight; what is stored stays. */
  signal?: AbortSignal;
  onProgress?: (p: PullProgress) => void;
}

export interface PullOutcome {
  siteId: string;
  posts: number;
  postsCreated: number;
  pages: number;
  fetched: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** Comments pulled before that changed in WordPress since, and were taken. */
  changed: number;
  /** Comments changed there and decided here since: left as they are, for the user to decide. */
  conflicts: ModerationConflict[];
  /** New comments the moderation rules held or sent to spam, as on an import. */
  ruledHeld: number;
  ruledSpam: number;
  cancelled: boolean;
  warnings: string[];
}

/** WordPress takes at most this many post ids in one comments query (kept short for the URL). */
const POSTS_PER_QUERY = 50;

function linkAllPosts(db: DB, site: CmsSite, remote: Awaited<ReturnType<Publisher['listPosts']>>): number {
  const linked = new Set(linkedPostsOfSite(db, site.id).map((l) => l.remoteId));
  return db.transaction(() => {
    const writer = new CommentImportWriter(db);
    for (const p of remote.filter((r) => !linked.has(r.remoteId))) {
      const postId = writer.ensurePost({ source: 'wordpress', sourceId: String(p.remoteId), title: p.title, link: p.link, slug: p.slug, publishedAt: p.dateGmt, body: () => postBodyFromHtml('') });
      saveRemotePost(db, { siteId: site.id, postId, remoteId: p.remoteId, link: p.link, remoteStatus: '', modifiedGmt: '' });
    }
    writer.finish();
    return writer.postsCreated;
  })();
}

function chosenLinks(db: DB, site: CmsSite, posts: PullRequest['posts']): RemotePostLink[] {
  const links = linkedPostsOfSite(db, site.id);
  if (!posts?.length) return links;
  const wanted = new Set(posts.map((ref) => {
    const row = findPostRow(db, ref);
    if (!row) throw new AppError('NOT_FOUND', `No post ${'id' in ref ? ref.id : `"${ref.slug}"`} here.`);
    return row.id;
  }));
  const missing = [...wanted].filter((id) => !links.some((l) => l.postId === id));
  if (missing.length) throw new AppError('BAD_INPUT', `${missing.length === 1 ? 'A post you named is' : `${missing.length} posts you named are`} not on ${site.url}: publish them there first, or pull with --all.`);
  return links.filter((l) => wanted.has(l.postId));
}

export async function pullComments(db: DB, wp: Publisher, site: CmsSite, req: PullRequest = {}): Promise<PullOutcome> {
  const out: PullOutcome = {
    siteId: site.id, posts: 0, postsCreated: 0, pages: 0, fetched: 0, imported: 0, updated: 0, unchanged: 0, changed: 0, conflicts: [], ruledHeld: 0, ruledSpam: 0, cancelled: false, warnings: [],
  };
  if (req.all) out.postsCreated = linkAllPosts(db, site, await wp.listPosts());
  const links = chosenLinks(db, site, req.posts);
  out.posts = links.length;
  const localOf = new Map(links.map((l) => [l.remoteId, l.postId]));
  const cursorOf = db.prepare('SELECT comments_through FROM cms_posts WHERE site_id = ? AND remote_id = ?').pluck();
  const advance = db.prepare('UPDATE cms_posts SET comments_through = max(coalesce(comments_through, 0), ?) WHERE site_id = ? AND remote_id = ?');
  const cursors = new Map(links.map((l) => [l.remoteId, cursorOf.get(site.id, l.remoteId) as number | null]));
  const fresh = links.filter((l) => req.full || cursors.get(l.remoteId) === null).map((l) => l.remoteId);
  const known = links.map((l) => l.remoteId).filter((id) => !fresh.includes(id));
  const stopped = () => !!req.signal?.aborted;

  /** Stores one page in its own transaction; `through` (when given) is how far its posts are now complete. */
  const storePage = (page: RemoteComment[], postIds: number[], through: number | null) => {
    db.transaction(() => {
      const sorted = sortRemoteChanges(db, site, page);
      out.changed += sorted.changed;
      out.conflicts.push(...sorted.conflicts);
      const r = storeRemoteComments(db, site.id, sorted.take, (id) => localOf.get(id), (w) => out.warnings.push(w));
      out.imported += r.imported;
      out.updated += r.updated;
      out.unchanged += r.unchanged;
      out.ruledHeld += r.moderation?.held ?? 0;
      out.ruledSpam += r.moderation?.spam ?? 0;
      if (through !== null) for (const id of postIds) advance.run(through, site.id, id);
    })();
    out.pages++;
    out.fetched += page.length;
    req.onProgress?.({ pages: out.pages, fetched: out.fetched, imported: out.imported });
  };

  // Oldest first: after each page, every comment up to its last id is stored.
  for (const group of chunk(fresh, POSTS_PER_QUERY)) {
    if (stopped()) break;
    await wp.listComments({ postIds: group }, (page) => {
      storePage(page, group, page.length ? page[page.length - 1]!.remoteId : null);
      return !stopped();
    });
  }
  // Newest first down to the cursor: complete only at the end.
  for (const group of chunk(known, POSTS_PER_QUERY)) {
    if (stopped()) break;
    const stopAt = Math.min(...group.map((id) => cursors.get(id) ?? 0));
    let newest = 0;
    await wp.listComments({ postIds: group, newerThanId: stopAt }, (page) => {
      storePage(page, group, null);
      for (const c of page) newest = Math.max(newest, c.remoteId);
      return !stopped();
    });
    if (!stopped() && newest) db.transaction(() => { for (const id of group) advance.run(newest, site.id, id); })();
  }
  // What changed there among the comments pulled before: fetched alone, stored as a page.
  if (!stopped() && known.length) {
    const changed = await fetchRemoteChanges(db, wp, site, known);
    if (changed.length && !stopped()) storePage(changed, known, null);
  }
  out.cancelled = stopped();
  if (!out.cancelled) setCommentsPulledAt(db, site.id, new Date().toISOString());
  return out;
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
