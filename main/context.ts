/**
 * What every handler gets: the open store and facts about where and how the app runs.
 * Plain data and functions, no container: the Electron shell, browser mode, the CLI and the tests
 * each build one with createContext.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from '../db/connection';
import { openDatabase } from '../db/connection';
import { createBackup, createBackupSync, dailyBackupDue } from '../db/backup';
import { APP_VERSION } from './app-info';
import type { SecretBox } from './publishers/credentials';

export type Mode = 'electron' | 'browser' | 'cli';

export interface Ctx {
  db: DB;
  dbPath: string;
  mode: Mode;
  appVersion: string;
  /** Folder for backups, exports and temporary uploads; beside the database. */
  dataDir: string;
  /** Native capabilities, present only in the Electron app. */
  desktop?: DesktopCapabilities;
  /** Seals CMS passwords: Electron's safeStorage in the desktop app; absent elsewhere (the key file is used). */
  secretBox?: SecretBox;
  /** Opens dbPath again as createContext did (a restore swaps the file, then assigns ctx.db). */
  reopen: () => DB;
  /** The start-up backup while it runs (a restore waits for it). */
  startupBackup?: Promise<unknown>;
}

/** What the Electron shell lends the handlers; plain functions so handlers never import electron. */
export interface DesktopCapabilities {
  chooseFile: (title: string, extensions: string[]) => Promise<string | null>;
  /** The system's save dialog (or, for a folder, its folder picker); the chosen path or null. */
  chooseSavePath: (o: SavePathRequest) => Promise<string | null>;
  openExternal: (url: string) => Promise<void>;
}

export interface SavePathRequest {
  title: string;
  /** A file name to suggest; for a folder, the name of a new folder to suggest. */
  defaultName: string;
  /** What is saved: one file (with these extensions) or a folder of files. */
  kind: 'file' | 'folder';
  extensions: string[];
}

export interface CreateContextOptions {
  dbPath: string;
  mode: Mode;
  nativeBinding?: string;
  /** Default: a backup of the file as it was, in the backups folder, before any upgrade step. */
  beforeMigrate?: (from: number, to: number, db: DB) => void;
  /**
   * When the daily backup may start (see first-screen-gate.ts): the app passes the first screen's
   * gate, so the backup does not compete with the window's first requests. Default: at once.
   */
  backgroundAfter?: Promise<void>;
}

export function createContext(o: CreateContextOptions): Ctx {
  const dbPath = path.resolve(o.dbPath);
  const existed = fs.existsSync(dbPath);
  const beforeMigrate = o.beforeMigrate ?? ((_from: number, _to: number, db: DB) => void createBackupSync(db, dbPath, 'before-migration'));
  const open = () => openDatabase(dbPath, { nativeBinding: o.nativeBinding, appVersion: APP_VERSION, beforeMigrate });
  const ctx: Ctx = { db: open(), dbPath, mode: o.mode, appVersion: APP_VERSION, dataDir: path.dirname(dbPath), reopen: open };
  // The app (not each short CLI command) backs up an existing database once a day as it starts,
  // in the background: the online backup API copies a few pages at a time between requests.
  const backUp = () =>
    createBackup(ctx.db, dbPath, 'daily').catch((err: Error) => {
      if (ctx.db.open) console.error(`Editorial Workbench: the daily backup failed: ${err.message}`);
    });
  if (existed && o.mode !== 'cli') {
    if (!o.backgroundAfter) {
      if (dailyBackupDue(dbPath)) ctx.startupBackup = backUp();
    } else {
      // Even the look at the backups folder waits: the first screen needs none of it.
      ctx.startupBackup = o.backgroundAfter.then(() => (ctx.db.open && dailyBackupDue(dbPath) ? backUp() : undefined));
    }
  }
  return ctx;
}

export function closeContext(ctx: Ctx): void {
  if (ctx.db.open) ctx.db.close();
}
