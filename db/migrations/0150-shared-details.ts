/**
 * The rest of a post's and a comment's shared data queues for the team workspace like the rows of
 * migration 0120: a post's guest authors and their order (post_authors, also what commissioning
 * writes), its pictures (assets), the annotation tags, annotations, reply drafts and the moderation
 * rules. The same
 * rule holds: a changed row is queued in the same transaction as the write, only while a
 * workspace is joined, and not while remote changes are being applied.
 *
 * The triggers test for the queued row instead of `INSERT OR IGNORE`: inside an upsert (the
 * byline's `INSERT … ON CONFLICT DO UPDATE`), SQLite applies the outer statement's conflict
 * handling to the trigger's insert too, and a second change to a queued row would then fail.
 */
import type Database from 'better-sqlite3';

export const version = 150;
export const name = 'shared-details';

export const DETAIL_TABLES = ['post_authors', 'assets', 'tags', 'annotations', 'reply_drafts', 'moderation_rules'] as const;

export function up(db: Database.Database): void {
  for (const t of DETAIL_TABLES) {
    for (const [when, row] of [['INSERT', 'new'], ['UPDATE', 'new'], ['DELETE', 'old']] as const) {
      db.exec(`CREATE TRIGGER sync_outbox_${t}_${when.toLowerCase()} AFTER ${when} ON ${t}
WHEN EXISTS (SELECT 1 FROM sync_workspace WHERE applying = 0) BEGIN
  INSERT INTO sync_outbox (tbl, row_id) SELECT '${t}', ${row}.id
    WHERE NOT EXISTS (SELECT 1 FROM sync_outbox WHERE tbl = '${t}' AND row_id = ${row}.id);
END;`);
    }
  }
}
