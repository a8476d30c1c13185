/**
 * The schema runner. PRAGMA user_version holds the schema version; steps are applied in order,
 * all of them in one transaction, so a failed upgrade leaves the file as it was. A database
 * written by a newer version of the app is refused before anything is touched.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../common/errors';
import { uuidv7 } from '../common/ids';
import { MIGRATIONS, type Migration } from './migrations/index';

export interface MigrateOptions {
  /** Called once before any step runs on an existing database (used to take a backup). */
  beforeMigrate?: (from: number, to: number, db: Database.Database) => void;
  /** The app version written beside the schema version, so a refusal can name who wrote a file. */
  appVersion?: string;
  /** For tests: stop at this version instead of the latest. */
  targetVersion?: number;
}

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function writtenBy(db: Database.Database): string | undefined {
  try {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'app.writtenBy'").get() as { value: string } | undefined;
    return row ? JSON.parse(row.value) : undefined;
  } catch {
    return undefined;
  }
}

/** Throws DB_FROM_FUTURE when the file was written by a newer app; reads only, writes nothing. */
export function refuseFutureVersion(db: Database.Database, steps: readonly Migration[] = MIGRATIONS): void {
  const latest = steps[steps.length - 1].version;
  const current = schemaVersion(db);
  if (current > latest) {
    const by = writtenBy(db);
    throw new AppError(
      'DB_FROM_FUTURE',
      `This database has schema version ${current}${by ? `, written by Editorial Workbench ${by}` : ''}; this app understands up to version ${latest}. ` +
        'Update the app to open it. The file was not changed.',
      { current, latest, writtenBy: by },
    );
  }
}

export function migrate(db: Database.Database, options: MigrateOptions = {}, steps: readonly Migration[] = MIGRATIONS): number {
  const latest = steps[steps.length - 1].version;
  const target = options.targetVersion ?? latest;
  refuseFutureVersion(db, steps);
  const current = schemaVersion(db);
  const pending = steps.filter((s) => s.version > current && s.version <= target);
  if (pending.length === 0) return current;
  if (current > 0) options.beforeMigrate?.(current, target, db);
  const apply = db.transaction(() => {
    for (const step of pending) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
    if (options.appVersion) {
      db.prepare(
        `INSERT INTO settings (id, key, value, created_at, updated_at) VALUES (?, 'app.writtenBy', ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ).run(uuidv7(), JSON.stringify(options.appVersion), new Date().toISOString(), new Date().toISOString());
    }
  });
  apply();
  return target;
}
