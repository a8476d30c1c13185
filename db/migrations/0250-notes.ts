/**
 * Editorial notes on drafts (issue 17, item 1):
 *
 * - notes: one thread per note. Its id is also the id its MarkNode carries in the post's body, so
 *   the anchor lives in the text (and moves with it) while the thread lives here. `quote` keeps
 *   the words as they were when the note was made, to show beside a note whose text was deleted
 *   (detached: no mark in the body carries its id; worked out from the body, never stored apart).
 * - note_messages: the thread's messages. Editing and deleting are allowed to their author only;
 *   a deleted message keeps its row (deleted_at) so the thread reads the same everywhere later.
 *
 * Authors are people ids ("I am" on this laptop, a member in a workspace) with the name as written
 * at the time, so a thread still reads right after a person is removed.
 */
import type Database from 'better-sqlite3';

export const version = 250;
export const name = 'notes';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  quote TEXT NOT NULL,
  author_id TEXT,
  author_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT
);
CREATE INDEX notes_post ON notes (post_id, created_at);
CREATE TABLE note_messages (
  id TEXT PRIMARY KEY,
  note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  author_id TEXT,
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  edited_at TEXT,
  deleted_at TEXT
);
CREATE INDEX note_messages_note ON note_messages (note_id, created_at);
`);
}
