/**
 * People who own and review posts (name and e-mail), a post's owner and reviewer, and its
 * featured image with alt text. `member_id` stays empty on a laptop: when it joins a team
 * workspace, the workspace maps each person to one of its members by that column.
 */
import type Database from 'better-sqlite3';

export const version = 90;
export const name = 'people-and-owners';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE people (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  member_id TEXT
);
CREATE UNIQUE INDEX people_email ON people(email COLLATE NOCASE) WHERE email != '' AND deleted_at IS NULL;
ALTER TABLE posts ADD COLUMN owner_id TEXT REFERENCES people(id);
ALTER TABLE posts ADD COLUMN reviewer_id TEXT REFERENCES people(id);
ALTER TABLE posts ADD COLUMN featured_asset_id TEXT REFERENCES assets(id);
ALTER TABLE posts ADD COLUMN featured_alt TEXT NOT NULL DEFAULT '';
CREATE INDEX posts_planned ON posts(planned_date) WHERE deleted_at IS NULL;
CREATE INDEX posts_owner ON posts(owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX posts_reviewer ON posts(reviewer_id) WHERE reviewer_id IS NOT NULL;
`);
}
