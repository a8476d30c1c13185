/**
 * Guest authors in a team workspace (issue 17 item 4):
 *
 * - people.member_role allows 'guest-author' (a guest member is a person like the others);
 * - sync_workspace.author_id: when this store joined as a guest author, the author (authors list)
 *   they are credited as. Their laptop opens only the posts credited to that author.
 *
 * SQLite cannot widen a CHECK in place: member_role is copied into a new column that allows the
 * new role, and the old one dropped (its CHECK is its own, so it may be).
 */
import type Database from 'better-sqlite3';

export const version = 290;
export const name = 'guest-authors';

export function up(db: Database.Database): void {
  db.exec(`
ALTER TABLE people ADD COLUMN member_role_290 TEXT CHECK (member_role_290 IN ('admin', 'editor', 'series-manager', 'reviewer', 'guest-author'));
UPDATE people SET member_role_290 = member_role;
ALTER TABLE people DROP COLUMN member_role;
ALTER TABLE people RENAME COLUMN member_role_290 TO member_role;
ALTER TABLE sync_workspace ADD COLUMN author_id TEXT;
`);
}
