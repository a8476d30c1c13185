/**
 * What every handler gets: the open store and facts about where and how the app runs.
 * Plain data and functions, no container: the Electron shell, browser mode, the CLI and the tests
 * each build one with createContext.
 */
import path from 'node:path';
import type { DB } from '../db/connection';
import { openDatabase } from '../db/connection';
import { APP_VERSION } from './app-info';

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
}

/** What the Electron shell lends the handlers; plain functions so handlers never import electron. */
export interface DesktopCapabilities {
  chooseFile: (title: string, extensions: string[]) => Promise<string | null>;
  openExternal: (url: string) => Promise<void>;
}

export interface CreateContextOptions {
  dbPath: string;
  mode: Mode;
  nativeBinding?: string;
  beforeMigrate?: (from: number, to: number) => void;
}

export function createContext(o: CreateContextOptions): Ctx {
  const dbPath = path.resolve(o.dbPath);
  const db = openDatabase(dbPath, { nativeBinding: o.nativeBinding, appVersion: APP_VERSION, beforeMigrate: o.beforeMigrate });
  return { db, dbPath, mode: o.mode, appVersion: APP_VERSION, dataDir: path.dirname(dbPath) };
}

export function closeContext(ctx: Ctx): void {
  if (ctx.db.open) ctx.db.close();
}
