/**
 * Backups of the store: copies taken with SQLite's online backup API while the app keeps working,
 * kept in a `backups` folder beside the database, newest 7 kept. Restore checks a file fully
 * (SQLite header, integrity, schema version) on a private copy before the live file is touched,
 * keeps the current database as a backup first, then swaps the files while no statement runs.
 *
 * Every backup is written to a `.partial` name and renamed when complete, so a crash mid-copy
 * never leaves a file that looks like a good backup. Finished backups are switched out of WAL
 * mode so each is one self-contained file that can be copied, opened read-only or restored.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../common/errors';
import type { DB } from './connection';

export const KEEP_BACKUPS = 7;
export const BACKUP_REASONS = ['daily', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupFile {
  /** File name inside the backups folder. */
  name: string;
  path: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
  /** Read from the file's header; null when the header is unreadable. */
  schemaVersion: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SQLITE_MAGIC = 'SQLite format 3\0';
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

export function backupsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

function stem(dbPath: string): string {
  return path.basename(dbPath).replace(/\.[^.]+$/, '');
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

function dateOfStamp(stamp: string): string | null {
  const m = STAMP.exec(stamp);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

/** `workbench-2026-11-26T19-20-33-123Z-daily.sqlite`: sorts by time, says why it was taken. */
export function backupName(dbPath: string, reason: BackupReason, at: Date, n = 0): string {
  return `${stem(dbPath)}-${stampOf(at)}-${reason}${n ? `-${n}` : ''}.sqlite`;
}

function parseName(dbPath: string, name: string): { createdAt: string; reason: BackupReason } | null {
  const prefix = `${stem(dbPath)}-`;
  if (!name.startsWith(prefix) || !name.endsWith('.sqlite')) return null;
  const m = /^(.{24})-([a-z-]+?)(?:-\d+)?\.sqlite$/.exec(name.slice(prefix.length));
  if (!m) return null;
  const createdAt = dateOfStamp(m[1]);
  const reason = BACKUP_REASONS.find((r) => r === m[2]);
  return createdAt && reason ? { createdAt, reason } : null;
}

/** The schema version stored in a SQLite file's header (offset 60), or null if it is not SQLite. */
export function headerSchemaVersion(file: string): number | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(100);
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return null;
    if (header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return null;
    return header.readUInt32BE(60);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function describe(dbPath: string, name: string): BackupFile | null {
  const parsed = parseName(dbPath, name);
  if (!parsed) return null;
  const file = path.join(backupsDir(dbPath), name);
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return null;
    size = st.size;
  } catch {
    return null;
  }
  return { name, path: file, ...parsed, sizeBytes: size, schemaVersion: headerSchemaVersion(file) };
}

/** This database's backups, newest first. */
export function listBackups(dbPath: string): BackupFile[] {
  const dir = backupsDir(dbPath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => describe(dbPath, name))
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** Deletes all but the newest `keep` backups, and `.partial` leftovers of a crashed copy. */
export function pruneBackups(dbPath: string, keep = KEEP_BACKUPS): string[] {
  const removed: string[] = [];
  for (const b of listBackups(dbPath).slice(keep)) {
    fs.rmSync(b.path, { force: true });
    removed.push(b.name);
  }
  const dir = backupsDir(dbPath);
  const prefix = `${stem(dbPath)}-`;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!name.startsWith(prefix) || !name.endsWith('.partial')) continue;
    const file = path.join(dir, name);
    // Another process may be writing it right now; only an hour-old partial is surely dead.
    if (Date.now() - fs.statSync(file).mtimeMs > 60 * 60 * 1000) fs.rmSync(file, { force: true });
  }
  return removed;
}

export function newBackupPath(dbPath: string, reason: BackupReason, at: Date): string {
  const dir = backupsDir(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  for (let n = 0; ; n++) {
    const file = path.join(dir, backupName(dbPath, reason, at, n));
    if (!fs.existsSync(file) && !fs.existsSync(`${file}.partial`)) return file;
  }
}

/** Makes a finished copy one self-contained rollback-journal file, then gives it its real name. */
function finish(partial: string, target: string): void {
  const copy = new Database(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fs.renameSync(partial, target);
}

function finished(dbPath: string, target: string): BackupFile {
  pruneBackups(dbPath);
  const info = describe(dbPath, path.basename(target));
  if (!info) throw new AppError('INTERNAL', `The backup ${target} was written but cannot be read back.`);
  return info;
}

/** A backup with the online backup API: the app keeps reading and writing while it copies. */
export async function createBackup(db: DB, dbPath: string, reason: BackupReason, at = new Date()): Promise<BackupFile> {
  const target = newBackupPath(dbPath, reason, at);
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    finish(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new AppError('INTERNAL', `Could not write the backup ${target}: ${(err as Error).message}`);
  }
  return finished(dbPath, target);
}

/**
 * The same, synchronously (VACUUM INTO), for the one place that cannot wait: just before a
 * migration, inside the call that opens the database. Nothing else is using the file then.
 */
export function createBackupSync(db: DB, dbPath: string, reason: BackupReason, at = new Date()): BackupFile {
  const target = newBackupPath(dbPath, reason, at);
  const partial = `${target}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    finish(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new AppError('INTERNAL', `Could not back up the database before upgrading it (${target}): ${(err as Error).message}`);
  }
  return finished(dbPath, target);
}

/** True when no backup of this database was taken in the last 24 hours. */
export function dailyBackupDue(dbPath: string, now = new Date()): boolean {
  const newest = listBackups(dbPath)[0];
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= DAY_MS || Date.parse(newest.createdAt) > now.getTime();
}
