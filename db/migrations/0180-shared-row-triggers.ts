/**
 * The outbox triggers of every shared table, again:
 *
 * - Migration 0120's (authors, series, posts, comments) queued a row with `INSERT OR IGNORE`.
 *   Inside an upsert (`INSERT … ON CONFLICT DO UPDATE`) SQLite applies the outer statement's
 *   conflict handling to the trigger's insert instead, so a second change to a row that was
 *   already queued failed with a constraint error. They now test for the queued row, as 0150's do.
 * - A row deleted outright (not soft-deleted) is gone by the time the outbox is pushed, and a link
 *   row (a post's guest author, a picture, an annotation, a reply draft) is named in its shared
 *   document by its post or comment, not by its id alone. So a delete also keeps the row's columns
 *   in sync_removed (pictures' bytes left out), for the push to send as a removal.
 *
 * What is queued, and when (only while joined, not while the team's changes apply), is unchanged.
 */
import type Database from 'better-sqlite3';
import { SHARED_TABLES } from './0120-team-sync';
import { DETAIL_TABLES } from './0150-shared-details';

export const version = 180;
export const name = 'shared-row-triggers';

function removedRow(db: Database.Database, table: string): string {
  const columns = (db.prepare(`SELECT name, type FROM pragma_table_info('${table}')`).all() as Array<{ name: string; type: string }>).filter((c) => c.type.toUpperCase() !== 'BLOB');
  return `json_object(${columns.map((c) => `'${c.name}', old."${c.name}"`).join(', ')})`;
}

/**
 * The outbox triggers of one shared table: a changed row is queued (only while joined, not while
 * the team's changes apply) and a row deleted outright keeps its columns in sync_removed.
 * Later migrations that share a new table make its triggers with this too.
 */
export function createOutboxTriggers(db: Database.Database, t: string): void {
  for (const [when, row] of [['INSERT', 'new'], ['UPDATE', 'new'], ['DELETE', 'old']] as const) {
    const remember =
      when === 'DELETE'
        ? `DELETE FROM sync_removed WHERE tbl = '${t}' AND row_id = old.id;
  INSERT INTO sync_removed (tbl, row_id, row) VALUES ('${t}', old.id, ${removedRow(db, t)});`
        : '';
    db.exec(`CREATE TRIGGER sync_outbox_${t}_${when.toLowerCase()} AFTER ${when} ON ${t}
WHEN EXISTS (SELECT 1 FROM sync_workspace WHERE applying = 0) BEGIN
  INSERT INTO sync_outbox (tbl, row_id) SELECT '${t}', ${row}.id
    WHERE NOT EXISTS (SELECT 1 FROM sync_outbox WHERE tbl = '${t}' AND row_id = ${row}.id);
  ${remember}
END;`);
  }
}

export function up(db: Database.Database): void {
  db.exec(`CREATE TABLE sync_removed (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  row TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;`);
  for (const t of [...SHARED_TABLES, ...DETAIL_TABLES]) {
    for (const when of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER sync_outbox_${t}_${when};`);
    createOutboxTriggers(db, t);
  }
}
