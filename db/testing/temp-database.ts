/**
 * Empty database files in fresh temp folders for tests that start from nothing (the migration
 * steps), each folder removed after its test.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** Call at a test file's top level; returns a function that opens a new empty database. */
export function useTempDatabases(prefix: string): () => Database.Database {
  const dirs: string[] = [];
  const open: Database.Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    dirs.push(dir);
    const db = new Database(path.join(dir, 'x.sqlite'));
    open.push(db);
    return db;
  };
}
