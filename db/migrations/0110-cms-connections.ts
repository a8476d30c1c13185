/**
 * CMS connections (WordPress today): the sites, which local post and comment is which remote one,
 * pictures already uploaded, idempotency markers of remote steps in flight, and a log per site.
 *
 * - cms_sites: one row a connected site and user. No password: those live outside the database
 *   (main/publishers/credentials.ts), so backups and exports never carry them.
 * - cms_posts: a local post's remote twin on a site (id, link, status, modified_gmt when we last
 *   pushed or pulled it). A post may be on several sites; a remote post is one local post.
 * - cms_media: an asset uploaded to a site, so a re-publish never uploads it twice.
 * - cms_comments: a local comment's remote twin and the remote fingerprint when last seen, so a
 *   push can tell a comment changed there since the pull.
 * - cms_pending: a remote create that was started (its marker written first); a re-run looks the
 *   marker up before creating again.
 * - cms_log: what was sent and what came back, per site, without credentials.
 */
import type Database from 'better-sqlite3';

export const version = 110;
export const name = 'cms-connections';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE cms_sites (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('wordpress')),
  url TEXT NOT NULL,
  api_root TEXT NOT NULL,
  user_name TEXT NOT NULL,
  site_name TEXT NOT NULL DEFAULT '',
  user_display_name TEXT NOT NULL DEFAULT '',
  can_publish INTEGER NOT NULL DEFAULT 0,
  can_moderate INTEGER NOT NULL DEFAULT 0,
  comments_pulled_at TEXT,
  UNIQUE (url, user_name)
);
CREATE TABLE cms_posts (
  site_id TEXT NOT NULL REFERENCES cms_sites(id) ON DELETE CASCADE,
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  remote_id INTEGER NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  remote_status TEXT NOT NULL DEFAULT '',
  modified_gmt TEXT NOT NULL DEFAULT '',
  pushed_at TEXT,
  PRIMARY KEY (site_id, post_id),
  UNIQUE (site_id, remote_id)
);
CREATE TABLE cms_media (
  site_id TEXT NOT NULL REFERENCES cms_sites(id) ON DELETE CASCADE,
  asset_id TEXT NOT NULL,
  remote_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (site_id, asset_id)
);
CREATE TABLE cms_comments (
  site_id TEXT NOT NULL REFERENCES cms_sites(id) ON DELETE CASCADE,
  comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  remote_id INTEGER NOT NULL,
  remote_post_id INTEGER NOT NULL,
  remote_status TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  PRIMARY KEY (site_id, remote_id),
  UNIQUE (comment_id)
);
CREATE TABLE cms_pending (
  site_id TEXT NOT NULL REFERENCES cms_sites(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('post', 'media', 'reply')),
  local_id TEXT NOT NULL,
  marker TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (site_id, kind, local_id)
);
CREATE TABLE cms_log (
  id INTEGER PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES cms_sites(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  method TEXT NOT NULL,
  url TEXT NOT NULL,
  status INTEGER,
  sent TEXT NOT NULL DEFAULT '',
  received TEXT NOT NULL DEFAULT '',
  ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cms_log_site ON cms_log (site_id, id);
`);
}
