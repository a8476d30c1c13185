/**
 * Per-series overrides of the pre-publish checklist (JSON, read whole), and a log of status and
 * planned-date changes on posts for "what changed since I last looked". Triggers write the log,
 * so every path that changes a post (the editor, the series planner, the CLI) is recorded alike.
 */
import type Database from 'better-sqlite3';

export const version = 95;
export const name = 'checklist-and-post-events';

export function up(db: Database.Database): void {
  db.exec(`
ALTER TABLE series ADD COLUMN checklist TEXT NOT NULL DEFAULT '{}';
CREATE TABLE post_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  post_id TEXT NOT NULL REFERENCES posts(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('status','planned_date')),
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX post_events_post ON post_events(post_id, seq);
CREATE TRIGGER post_events_status AFTER UPDATE OF status ON posts WHEN old.status IS NOT new.status BEGIN
  INSERT INTO post_events (post_id, at, kind, old_value, new_value) VALUES (new.id, new.updated_at, 'status', old.status, new.status);
END;
CREATE TRIGGER post_events_planned AFTER UPDATE OF planned_date ON posts WHEN old.planned_date IS NOT new.planned_date BEGIN
  INSERT INTO post_events (post_id, at, kind, old_value, new_value) VALUES (new.id, new.updated_at, 'planned_date', old.planned_date, new.planned_date);
END;
`);
}
