/**
 * In a team workspace the people are its members (issue 22). A member's person row has the
 * member's id as its own id (the same on every laptop) and `member_id` set; `member_role` holds
 * their role while they are a member of the workspace this store has joined, and is NULL for a
 * person known only on this laptop, a former member, and everyone once the store leaves.
 */
import type Database from 'better-sqlite3';

export const version = 140;
export const name = 'people-members';

export function up(db: Database.Database): void {
  db.exec(`
ALTER TABLE people ADD COLUMN member_role TEXT CHECK (member_role IN ('admin', 'editor', 'series-manager', 'reviewer'));
CREATE UNIQUE INDEX people_member ON people(member_id) WHERE member_id IS NOT NULL;
`);
}
