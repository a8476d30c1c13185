/**
 * CMS connections in the store (tables of migration 0110): sites, remote twins of posts, pictures
 * and comments, markers of remote creates in flight, and the per-site log. Never a password.
 */
import type { DB } from '../connection';
import { nowIso } from '../clock';
import { uuidv7 } from '../../common/ids';

export interface CmsSite {
  id: string;
  kind: 'wordpress';
  url: string;
  apiRoot: string;
  userName: string;
  siteName: string;
  userDisplayName: string;
  canPublish: boolean;
  canModerate: boolean;
  commentsPulledAt: string | null;
  createdAt: string;
}

interface SiteRow {
  id: string; kind: 'wordpress'; url: string; api_root: string; user_name: string; site_name: string; user_display_name: string;
  can_publish: number; can_moderate: number; comments_pulled_at: string | null; created_at: string;
}

const toSite = (r: SiteRow): CmsSite => ({
  id: r.id, kind: r.kind, url: r.url, apiRoot: r.api_root, userName: r.user_name, siteName: r.site_name, userDisplayName: r.user_display_name,
  canPublish: r.can_publish === 1, canModerate: r.can_moderate === 1, commentsPulledAt: r.comments_pulled_at, createdAt: r.created_at,
});

export function listSites(db: DB): CmsSite[] {
  return (db.prepare('SELECT * FROM cms_sites ORDER BY created_at, id').all() as SiteRow[]).map(toSite);
}

export function getSite(db: DB, id: string): CmsSite | null {
  const r = db.prepare('SELECT * FROM cms_sites WHERE id = ?').get(id) as SiteRow | undefined;
  return r ? toSite(r) : null;
}

export function findSiteByUrl(db: DB, url: string, userName?: string): CmsSite[] {
  const rows = (userName === undefined
    ? db.prepare('SELECT * FROM cms_sites WHERE url = ? ORDER BY created_at').all(url)
    : db.prepare('SELECT * FROM cms_sites WHERE url = ? AND user_name = ?').all(url, userName)) as SiteRow[];
  return rows.map(toSite);
}

export type SiteFields = Omit<CmsSite, 'id' | 'commentsPulledAt' | 'createdAt'>;

/** One row per site address and user: connecting again refreshes it and keeps every link to it. */
export function upsertSite(db: DB, f: SiteFields): CmsSite {
  const now = nowIso();
  const existing = findSiteByUrl(db, f.url, f.userName)[0];
  const id = existing?.id ?? uuidv7();
  db.prepare(
    `INSERT INTO cms_sites (id, created_at, updated_at, kind, url, api_root, user_name, site_name, user_display_name, can_publish, can_moderate)
     VALUES (@id, @now, @now, @kind, @url, @apiRoot, @userName, @siteName, @userDisplayName, @canPublish, @canModerate)
     ON CONFLICT (id) DO UPDATE SET updated_at = @now, api_root = @apiRoot, site_name = @siteName, user_display_name = @userDisplayName,
       can_publish = @canPublish, can_moderate = @canModerate`,
  ).run({ ...f, id, now, canPublish: f.canPublish ? 1 : 0, canModerate: f.canModerate ? 1 : 0 });
  return getSite(db, id)!;
}

export function setCommentsPulledAt(db: DB, siteId: string, at: string): void {
  db.prepare('UPDATE cms_sites SET comments_pulled_at = ?, updated_at = ? WHERE id = ?').run(at, nowIso(), siteId);
}

export interface RemotePostLink {
  siteId: string;
  postId: string;
  remoteId: number;
  link: string;
  remoteStatus: string;
  modifiedGmt: string;
  pushedAt: string | null;
  /** The remote post's content hash right after our last push ('' when unknown: linked by a pull). */
  pushedHash: string;
}

const LINK_COLUMNS = 'site_id AS siteId, post_id AS postId, remote_id AS remoteId, link, remote_status AS remoteStatus, modified_gmt AS modifiedGmt, pushed_at AS pushedAt, pushed_hash AS pushedHash';

export function remotePostOf(db: DB, siteId: string, postId: string): RemotePostLink | null {
  const r = db.prepare(
    `SELECT ${LINK_COLUMNS} FROM cms_posts WHERE site_id = ? AND post_id = ?`,
  ).get(siteId, postId) as RemotePostLink | undefined;
  return r ?? null;
}

export function remotePostsOfPost(db: DB, postId: string): RemotePostLink[] {
  return db.prepare(
    `SELECT ${LINK_COLUMNS} FROM cms_posts WHERE post_id = ?`,
  ).all(postId) as RemotePostLink[];
}

export function linkedPostsOfSite(db: DB, siteId: string): RemotePostLink[] {
  return db.prepare(
    `SELECT ${LINK_COLUMNS} FROM cms_posts WHERE site_id = ? ORDER BY remote_id`,
  ).all(siteId) as RemotePostLink[];
}

export function saveRemotePost(db: DB, l: Omit<RemotePostLink, 'pushedAt' | 'pushedHash'> & { pushedAt?: string | null; pushedHash?: string }): void {
  db.prepare(
    `INSERT INTO cms_posts (site_id, post_id, remote_id, link, remote_status, modified_gmt, pushed_at, pushed_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (site_id, post_id) DO UPDATE SET remote_id = excluded.remote_id, link = excluded.link, remote_status = excluded.remote_status,
       modified_gmt = excluded.modified_gmt, pushed_at = coalesce(excluded.pushed_at, cms_posts.pushed_at), pushed_hash = excluded.pushed_hash`,
  ).run(l.siteId, l.postId, l.remoteId, l.link, l.remoteStatus, l.modifiedGmt, l.pushedAt ?? null, l.pushedHash ?? '');
}

export function uploadedMedia(db: DB, siteId: string, assetId: string): { remoteId: number; url: string } | null {
  return (db.prepare('SELECT remote_id AS remoteId, url FROM cms_media WHERE site_id = ? AND asset_id = ?').get(siteId, assetId) as { remoteId: number; url: string } | undefined) ?? null;
}

export function saveMedia(db: DB, siteId: string, assetId: string, remoteId: number, url: string): void {
  db.prepare('INSERT OR REPLACE INTO cms_media (site_id, asset_id, remote_id, url) VALUES (?, ?, ?, ?)').run(siteId, assetId, remoteId, url);
}

/** The marker of a remote create for this local item: the one already in flight, or a new one written now. */
export function pendingMarker(db: DB, siteId: string, kind: 'post' | 'media' | 'reply', localId: string): { marker: string; earlier: boolean } {
  const old = db.prepare('SELECT marker FROM cms_pending WHERE site_id = ? AND kind = ? AND local_id = ?').pluck().get(siteId, kind, localId) as string | undefined;
  if (old) return { marker: old, earlier: true };
  const marker = `workbench-${kind}-${uuidv7()}`;
  db.prepare('INSERT INTO cms_pending (site_id, kind, local_id, marker, created_at) VALUES (?, ?, ?, ?, ?)').run(siteId, kind, localId, marker, nowIso());
  return { marker, earlier: false };
}

export function clearPending(db: DB, siteId: string, kind: 'post' | 'media' | 'reply', localId: string): void {
  db.prepare('DELETE FROM cms_pending WHERE site_id = ? AND kind = ? AND local_id = ?').run(siteId, kind, localId);
}

export interface LogRow {
  id: number;
  at: string;
  method: string;
  url: string;
  status: number | null;
  sent: string;
  received: string;
  ms: number;
}

export function appendLog(db: DB, siteId: string, e: Omit<LogRow, 'id' | 'at'>): void {
  db.prepare('INSERT INTO cms_log (site_id, at, method, url, status, sent, received, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    siteId, nowIso(), e.method, e.url, e.status, e.sent, e.received, e.ms);
}

export function readLog(db: DB, siteId: string, limit: number): LogRow[] {
  return db.prepare('SELECT id, at, method, url, status, sent, received, ms FROM cms_log WHERE site_id = ? ORDER BY id DESC LIMIT ?').all(siteId, limit) as LogRow[];
}

export interface PostedReply {
  siteId: string;
  commentId: string;
  remoteId: number;
  link: string;
  postedAt: string;
}

/** The reply already posted to a site under this comment, if any (migration 0170). */
export function postedReply(db: DB, siteId: string, commentId: string): PostedReply | null {
  return (db.prepare('SELECT site_id AS siteId, comment_id AS commentId, remote_id AS remoteId, link, posted_at AS postedAt FROM cms_replies WHERE site_id = ? AND comment_id = ?')
    .get(siteId, commentId) as PostedReply | undefined) ?? null;
}

export function savePostedReply(db: DB, r: Omit<PostedReply, 'postedAt'>): void {
  db.prepare('INSERT OR REPLACE INTO cms_replies (site_id, comment_id, remote_id, link, posted_at) VALUES (?, ?, ?, ?, ?)').run(r.siteId, r.commentId, r.remoteId, r.link, nowIso());
}

/** The site a comment came from (pulled from it, or posted there as a reply), or null for a comment of no site. */
export function siteOfComment(db: DB, commentId: string): { siteId: string; remoteId: number; remotePostId: number } | null {
  return (db.prepare('SELECT site_id AS siteId, remote_id AS remoteId, remote_post_id AS remotePostId FROM cms_comments WHERE comment_id = ?')
    .get(commentId) as { siteId: string; remoteId: number; remotePostId: number } | undefined) ?? null;
}
