/**
 * Prepared statements kept per database and SQL text. Applying the team's changes runs the same few
 * statements once per row; preparing each one anew cost more than running it (a new member's first
 * sync prepared about five statements per pulled comment).
 */
import type Database from 'better-sqlite3';
import type { DB } from '../../db/connection';

const cache = new WeakMap<DB, Map<string, Database.Statement>>();

/** The statement for sql on db, prepared once; `pluck` statements are kept apart from row statements. */
export function statement(db: DB, sql: string, pluck = false): Database.Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  const key = pluck ? `p:${sql}` : `r:${sql}`;
  let s = byText.get(key);
  if (!s) byText.set(key, (s = pluck ? db.prepare(sql).pluck() : db.prepare(sql)));
  return s;
}

/** A shared table's local row for a shared row of the same id (most tables' `localId`). */
export const rowById = (table: string) => (db: DB, row: { id?: unknown }) => statement(db, `SELECT id FROM ${table} WHERE id = ?`, true).get(row.id) as string | undefined;
