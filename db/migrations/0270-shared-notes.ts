/**
 * Note threads travel through the team workspace (issue 17, items 2 and 6), and carry @mentions:
 *
 * - notes and note_messages queue for the workspace like the other shared tables (the outbox
 *   triggers of 0180), and get the `updated_at` every shared table has.
 * - a note's resolved_at is the decision that travels (main/sync/registers.ts compares it by
 *   whether it is set: two members resolving one note apart agree, a resolve against a reopen is
 *   shown under Needs decision).
 * - note_messages.mentions: the member ids a message mentions (a JSON array), worked out from its
 *   text when it is written, so "For you" is a query and the mention travels with the message.
 * - note_reads: the notes this laptop's person marked read in "For you" (per laptop, not shared).
 */
import type Database from 'better-sqlite3';
import { createOutboxTriggers } from './0180-shared-row-triggers';

export const version = 270;
export const name = 'shared-notes';

export function up(db: Database.Database): void {
  db.exec(`
ALTER TABLE notes ADD COLUMN updated_at TEXT;
ALTER TABLE note_messages ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE note_messages ADD COLUMN updated_at TEXT;
CREATE TABLE note_reads (
  note_id TEXT PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
  read_at TEXT NOT NULL
);
`);
  for (const t of ['notes', 'note_messages']) createOutboxTriggers(db, t);
}
