/**
 * Migration 0120's outbox triggers (authors, series, posts, comments) queued a row with
 * `INSERT OR IGNORE`. Inside an upsert (`INSERT … ON CONFLICT DO UPDATE`) SQLite applies the outer
 * statement's conflict handling to the trigger's insert instead, so a second change to a row that
 * is already queued failed with a constraint error. They now test for the queued row, as 0150's
 * do; what they queue, and when, is unchanged.
 */
import type Database from 'better-sqlite3';
import { SHARED_TABLES } from './0120-team-sync';

export const version = 180;
export const name = 'shared-row-triggers';

export function up(db: Database.Database): void {
  for (const t of SHARED_TABLES) {
    for (const [when, row] of [['INSERT', 'new'], ['UPDATE', 'new'], ['DELETE', 'old']] as const) {
      db.exec(`DROP TRIGGER sync_outbox_${t}_${when.toLowerCase()};
CREATE TRIGGER sync_outbox_${t}_${when.toLowerCase()} AFTER ${when} ON ${t}
WHEN EXISTS (SELECT 1 FROM sync_workspace WHERE applying = 0) BEGIN
  INSERT INTO sync_outbox (tbl, row_id) SELECT '${t}', ${row}.id
    WHERE NOT EXISTS (SELECT 1 FROM sync_outbox WHERE tbl = '${t}' AND row_id = ${row}.id);
END;`);
    }
  }
}
