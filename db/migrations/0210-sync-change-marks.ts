/**
 * What a big workspace needs to reconnect without opening every document.
 *
 * - sync_doc_marks: per shared document, the change marks of the `index` document this laptop has
 *   seen (a JSON object, laptop -> mark) when it last synced it, and whether it changed it since
 *   it last marked it there. A reconnect opens only the documents whose marks moved.
 * - sync_workspace.laptop_id: names this store's marks in the index (a member may use two laptops).
 */
import type Database from 'better-sqlite3';

export const version = 210;
export const name = 'sync-change-marks';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE sync_doc_marks (
  doc TEXT PRIMARY KEY,
  seen TEXT,
  pending INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
ALTER TABLE sync_workspace ADD COLUMN laptop_id TEXT;
`);
}
