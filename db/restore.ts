/**
 * Restoring the store from a backup file. The candidate is copied to a private staging file and
 * checked there (SQLite header, PRAGMA integrity_check, a workbench schema no newer than this
 * app's) before the live database is touched. Then, with no statement running: the open
 * connection is closed, the current file moves into the backups folder as a `before-restore`
 * backup, the staged copy takes its name, and the database is reopened (and upgraded, if the
 * backup came from an older schema). If the reopen fails, the previous file is put back.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../common/errors';
import { headerSchemaVersion, listBackups, newBackupPath, pruneBackups, type BackupFile } from './backup';
import type { DB } from './connection';

export interface CheckedFile {
  schemaVersion: number;
  writtenBy?: string;
}

const SIDECARS = ['-wal', '-shm', '-journal'];

function removeWithSidecars(file: string): void {
  for (const suffix of ['', ...SIDECARS]) fs.rmSync(file + suffix, { force: true });
}

function writtenBy(db: Database.Database): string | undefined {
  try {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'app.writtenBy'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as string) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks an unopened copy in place; throws an AppError saying what is wrong and that nothing changed. */
export function checkDatabaseFile(file: string, latestVersion: number, label = path.basename(file)): CheckedFile {
  if (headerSchemaVersion(file) === null) {
    throw new AppError('BAD_INPUT', `${label} is not a SQLite database (its first bytes are not a SQLite header); nothing was changed.`);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (err) {
    throw new AppError('BAD_INPUT', `${label} cannot be opened as a database: ${(err as Error).message}; nothing was changed.`);
  }
  try {
    let problems: string[];
    try {
      // A backup taken from a live WAL database may carry its log beside it; fold it in first.
      db.pragma('journal_mode = DELETE');
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (err) {
      throw new AppError('BAD_INPUT', `${label} is damaged: ${(err as Error).message}; nothing was changed.`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new AppError('BAD_INPUT', `${label} failed its integrity check (${problems.slice(0, 3).join('; ')}); nothing was changed.`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (version === 0 || !tables.has('settings') || !tables.has('posts')) {
      throw new AppError('BAD_INPUT', `${label} is a SQLite database but not an Editorial Workbench one; nothing was changed.`);
    }
    const by = writtenBy(db);
    if (version > latestVersion) {
      throw new AppError(
        'DB_FROM_FUTURE',
        `${label} has schema version ${version}${by ? `, written by Editorial Workbench ${by}` : ''}; this app understands up to version ${latestVersion}. ` +
          'Update the app to restore it; nothing was changed.',
        { current: version, latest: latestVersion, writtenBy: by },
      );
    }
    return by === undefined ? { schemaVersion: version } : { schemaVersion: version, writtenBy: by };
  } finally {
    db.close();
  }
}

/** Copies a candidate (and its WAL log, if one lies beside it) to a staging file and checks the copy. */
export function stageBackup(source: string, dbPath: string, latestVersion: number): CheckedFile & { staged: string } {
  const from = path.resolve(source);
  if (from === path.resolve(dbPath)) throw new AppError('BAD_INPUT', 'That is the open database itself; choose a backup file.');
  let st: fs.Stats;
  try {
    st = fs.statSync(from);
  } catch {
    throw new AppError('NOT_FOUND', `There is no file at ${from}; nothing was changed.`);
  }
  if (!st.isFile()) throw new AppError('BAD_INPUT', `${from} is not a file; nothing was changed.`);
  const staged = `${path.resolve(dbPath)}.restore-${process.pid}-${Date.now()}.tmp`;
  try {
    fs.copyFileSync(from, staged);
    if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${staged}-wal`);
    return { ...checkDatabaseFile(staged, latestVersion, path.basename(from)), staged };
  } catch (err) {
    removeWithSidecars(staged);
    throw err;
  }
}

export interface RestoreResult {
  db: DB;
  /** The database as it was just before the restore. */
  previous: BackupFile;
  restored: CheckedFile & { file: string };
}

/**
 * Replaces the database behind `current` with the backup at `source`. `reopen` opens dbPath the
 * way the app does (migrations included); `adopt` receives every connection opened here, also
 * the one to the previous file after a failure. Synchronous from the close to the reopen, so no
 * other request of this process can see the database missing.
 */
export function restoreDatabase(
  current: DB,
  dbPath: string,
  source: string,
  latestVersion: number,
  reopen: () => DB,
  adopt: (db: DB) => void,
  at = new Date(),
): RestoreResult {
  const live = path.resolve(dbPath);
  const checked = stageBackup(source, live, latestVersion);
  const kept = newBackupPath(live, 'before-restore', at);
  try {
    if (current.open) current.close();
    // Closing the last connection checkpoints the log and deletes it and the shared-memory file.
    // Either still there means another connection (an import in progress, a CLI, a second app)
    // has the file open: swapping it away would send that connection's writes into the backup.
    if (fs.existsSync(`${live}-wal`) || fs.existsSync(`${live}-shm`)) {
      throw new AppError('CONFLICT', 'Another program or an import in progress has this database open; let it finish or close it, then restore again. Nothing was changed.');
    }
    fs.renameSync(live, kept);
  } catch (err) {
    removeWithSidecars(checked.staged);
    if (!current.open) adopt(reopen());
    throw err;
  }
  let db: DB;
  try {
    fs.renameSync(checked.staged, live);
    db = reopen();
  } catch (err) {
    // Put the previous database back exactly as it was.
    removeWithSidecars(live);
    removeWithSidecars(checked.staged);
    if (fs.existsSync(kept)) fs.renameSync(kept, live);
    adopt(reopen());
    throw err instanceof AppError ? err : new AppError('INTERNAL', `The restore failed and was undone: ${(err as Error).message}`);
  }
  adopt(db);
  settle(kept);
  pruneBackups(live);
  const previous = listBackups(live).find((b) => b.path === kept);
  if (!previous) throw new AppError('INTERNAL', `The previous database was kept at ${kept} but cannot be listed.`);
  return { db, previous, restored: { schemaVersion: checked.schemaVersion, writtenBy: checked.writtenBy, file: path.resolve(source) } };
}

/** Makes the kept file a self-contained backup like the others (rollback journal, no sidecars). */
function settle(file: string): void {
  try {
    const db = new Database(file);
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  } catch {
    // Still a complete copy, only in WAL mode; restoring it works all the same.
  }
}
