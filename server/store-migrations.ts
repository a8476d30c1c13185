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
  {
    // Numbered like the laptop's step 0290 (issue 17 item 4).
    version: 290,
    name: 'guest authors, linked to their author',
    up(db) {
      // SQLite cannot widen a CHECK: the table is copied into one that allows the new role.
      db.exec(`
        CREATE TABLE members_new (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'series-manager', 'reviewer', 'guest-author')),
          token_hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          revoked_at TEXT,
          email TEXT NOT NULL DEFAULT '',
          -- The author (authors list) a guest author is credited as; they see only those posts.
          author_id TEXT CHECK ((role = 'guest-author') = (author_id IS NOT NULL))
        );
        INSERT INTO members_new (id, name, role, token_hash, created_at, revoked_at, email)
          SELECT id, name, role, token_hash, created_at, revoked_at, email FROM members;
        DROP TABLE members;
        ALTER TABLE members_new RENAME TO members;
      `);
    },
  },
];
