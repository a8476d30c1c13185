/**
 * The change journal: one row per write made by another process on the same file (a `workbench`
 * command beside the open app), naming the areas and ids it changed as the windows know them
 * (common/changes.ts). The app notices another process's commit by SQLite's data_version, then
 * reads the rows after the last one it saw, so a window re-reads only what the command changed.
 * Rows are few (a command writes one) and old ones are dropped as new ones come.
 */
import type Database from 'better-sqlite3';

export const version = 220;
export const name = 'change-journal';

export function up(db: Database.Database): void {
  db.exec(`CREATE TABLE change_journal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes))
);`);
}
