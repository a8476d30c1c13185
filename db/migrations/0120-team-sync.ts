/**
 * The laptop's side of a team workspace, all in the one SQLite file so that one file is backed up
 * and restored:
 *
 * - sync_workspace: the one workspace this store has joined (none: a local-only store). The
 *   member's token is sealed (encrypted) by the caller; its key never lives in this file.
 * - sync_doc_updates: the shared Yjs documents, as their updates, appended before anything is
 *   acknowledged; replayed at start, so offline edits survive restarts.
 * - sync_outbox: rows changed here that the shared documents have not taken yet. Triggers fill it
 *   in the same transaction as the table write, so a change is never acknowledged and then lost
 *   between the table and its document. `applying` silences them while remote changes are applied.
 * - sync_refused: local changes the member's role may not make (the server would refuse them);
 *   they stay listed until the member discards them.
 */
import type Database from 'better-sqlite3';

export const version = 120;
export const name = 'team-sync';

/** The tables whose rows travel between laptops. */
export const SHARED_TABLES = ['authors', 'series', 'posts', 'comments'] as const;

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE sync_workspace (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL,
  member_id TEXT NOT NULL,
  member_name TEXT NOT NULL,
  role TEXT NOT NULL,
  token_sealed BLOB NOT NULL,
  joined_at TEXT NOT NULL,
  last_sync_at TEXT,
  conflicts INTEGER NOT NULL DEFAULT 0,
  -- The last of sync_doc_updates known to be on the server: later ones are changes waiting.
  synced_seq INTEGER NOT NULL DEFAULT 0,
  applying INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sync_doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX sync_doc_updates_doc ON sync_doc_updates(doc, seq);
CREATE TABLE sync_outbox (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
CREATE TABLE sync_refused (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  doc TEXT NOT NULL,
  value TEXT,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id, field)
) WITHOUT ROWID;
`);
  for (const t of SHARED_TABLES) {
    for (const [when, row] of [['INSERT', 'new'], ['UPDATE', 'new'], ['DELETE', 'old']] as const) {
      db.exec(`CREATE TRIGGER sync_outbox_${t}_${when.toLowerCase()} AFTER ${when} ON ${t}
WHEN EXISTS (SELECT 1 FROM sync_workspace WHERE applying = 0) BEGIN
  INSERT OR IGNORE INTO sync_outbox (tbl, row_id) VALUES ('${t}', ${row}.id);
END;`);
    }
  }
}
