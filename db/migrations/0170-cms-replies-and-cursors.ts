/**
 * CMS connections, second step:
 *
 * - cms_replies: a reply draft posted to a site, keyed by the comment it answers (one reply draft a
 *   comment): the remote reply's id and link. The review pane shows the link, and posting again
 *   finds the row instead of posting twice.
 * - cms_posts.pushed_hash: a hash of the remote title, content and status exactly as WordPress
 *   stored them right after our last push. modified_gmt has one-second resolution, so an edit made
 *   there within the second of our push leaves it unchanged; the hash still moves.
 * - cms_posts.comments_through: every comment of this remote post with an id up to this one is
 *   stored. A pull advances it only as far as what it has committed, so a pull cancelled or cut
 *   short page by page keeps what it wrote and the next pull fetches the rest. Filled from the
 *   comments already pulled (the pull so far wrote everything in one transaction).
 */
import type Database from 'better-sqlite3';

export const version = 170;
export const name = 'cms-replies-and-cursors';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE cms_replies (
  site_id TEXT NOT NULL REFERENCES cms_sites(id) ON DELETE CASCADE,
  comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  remote_id INTEGER NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  posted_at TEXT NOT NULL,
  PRIMARY KEY (site_id, comment_id)
);
ALTER TABLE cms_posts ADD COLUMN pushed_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE cms_posts ADD COLUMN comments_through INTEGER;
UPDATE cms_posts SET comments_through = (
  SELECT max(t.remote_id) FROM cms_comments t WHERE t.site_id = cms_posts.site_id AND t.remote_post_id = cms_posts.remote_id
);
`);
}
