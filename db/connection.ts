/**
 * Opening the store. One SQLite file per user, in WAL mode so readers never wait for the writer
 * and a killed process loses nothing that was committed. The native module is loaded through
 * `nativeBinding` when given: tests use the Node build in node_modules, the Electron app points at
 * a binary built for Electron's ABI (see scripts/electron-native.mjs and main/electron/app.ts).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, refuseFutureVersion, type MigrateOptions } from './migrate';

export type DB = Database.Database;

export interface OpenOptions extends MigrateOptions {
  /** Absolute path of a better_sqlite3.node built for the running runtime's ABI. */
  nativeBinding?: string;
  readonly?: boolean;
  /** Skip migrations (used by backup checks that only read the version). */
  migrate?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  });
  try {
    db.pragma('busy_timeout = 5000');
    // Before anything writes (switching to WAL rewrites the header): a newer app's file stays as it was.
    if (options.migrate !== false) refuseFutureVersion(db);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable in WAL mode against process crashes; only an OS crash or power loss
      // can lose the last transactions, never corrupt the file.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) startTransactionsImmediate(db);
    if (options.migrate !== false && !options.readonly) migrate(db, options);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Makes `db.transaction(fn)()` begin IMMEDIATE. A DEFERRED transaction that reads and then writes
 * while another process holds the write lock gets "database is locked" at once: SQLite skips the
 * busy timeout there, as waiting could deadlock. Taking the write lock up front lets it wait.
 * Nested calls are savepoints either way; `.deferred` stays available for read-only work.
 */
function startTransactionsImmediate(db: DB): void {
  const make = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const t = make(fn);
    const run = ((...args: unknown[]) => t.immediate(...args)) as unknown as typeof t;
    return Object.assign(run, { default: t.immediate, deferred: t.deferred, immediate: t.immediate, exclusive: t.exclusive });
  }) as typeof db.transaction;
}
