/** App-wide settings as key → JSON text in the settings table (a row per key, soft-delete ready like every table). */
import type { DB } from '../connection';
import { uuidv7 } from '../../common/ids';
import { nowIso } from '../clock';

export function getSetting<T>(db: DB, key: string): T | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ? AND deleted_at IS NULL').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setSetting(db: DB, key: string, value: unknown): void {
  const now = nowIso();
  db.prepare(
    `INSERT INTO settings (id, created_at, updated_at, key, value) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, deleted_at = NULL`,
  ).run(uuidv7(), now, now, key, JSON.stringify(value));
}
