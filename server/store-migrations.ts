/**
 * The team server's own schema, run by the laptop's migration runner (db/migrate.ts): one
 * transaction, PRAGMA user_version, and a file written by a newer server refused untouched.
 */
import type { Migration } from '../db/migrations/index';

export const SERVER_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, updates and members',
    up(db) {
      db.exec(`
        -- A document's compacted state; the updates since then sit in document_updates.
        CREATE TABLE documents (
          name TEXT PRIMARY KEY,
          state BLOB NOT NULL,
          updated_at TEXT NOT NULL
        );
        -- Every update, written before the server acknowledges it, until the next compaction.
        CREATE TABLE document_updates (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          data BLOB NOT NULL,
          received_at TEXT NOT NULL
        );
        CREATE INDEX document_updates_name ON document_updates (name, seq);
        CREATE TABLE members (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'series-manager', 'reviewer')),
          -- SHA-256 of the token: tokens are 256 random bits, so a plain hash is enough to make a
          -- stolen file useless for logging in, and the token itself is never stored.
          token_hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          revoked_at TEXT
        );
        CREATE TABLE settings (id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      `);
    },
  },
  {
    // Numbered like the laptop's step 0140 (issue 22), so that steps other branches add do not collide.
    version: 140,
    name: 'members have an e-mail address',
    up(db) {
      // Laptops map their people to members by e-mail; '' for members invited without one.
      db.exec("ALTER TABLE members ADD COLUMN email TEXT NOT NULL DEFAULT ''");
    },
  },
];
