/**
 * Tests' laptops: real SQLite files opened as the app opens them, each with its own workspace
 * state, beside a real team server process (server/testing/team-process.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type DB } from '../../../db/connection';
import { startPostgresProcess, startServerProcess, type ServerProcess } from './team-server-process';
import { KeyFileVault } from '../token-vault';

export interface Laptop {
  name: string;
  file: string;
  db: DB;
  /** Closes and opens the file again, as a restart of the app would. */
  restart(): void;
}

export interface SyncTestKit {
  dir(): string;
  laptop(name: string): Laptop;
  /** A team server on `store`: a data folder (SQLite) or a postgres:// URL from postgres(). */
  server(store: string, port?: number): Promise<ServerProcess>;
  /** A private PostgreSQL for this test; its URL serves as a team server's store. */
  postgres(): Promise<string>;
  /** This test's token vault: one key file outside every database, as the CLI keeps one per user. */
  vault(): KeyFileVault;
}

/** Call at a test file's top level. Everything made is closed, stopped and removed after each test. */
export function useSyncTestKit(): SyncTestKit {
  const cleanups: Array<() => unknown> = [];
  let vault: KeyFileVault | undefined;
  afterEach(async () => {
    vault = undefined;
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const dir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-sync-'));
    cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
    return d;
  };
  const kit: SyncTestKit = {
    dir,
    vault() {
      vault ??= new KeyFileVault(path.join(dir(), 'workspace.key'));
      return vault;
    },
    laptop(name) {
      const file = path.join(dir(), `${name}.sqlite`);
      const l: Laptop = {
        name,
        file,
        db: openDatabase(file),
        restart() {
          l.db.close();
          l.db = openDatabase(file);
        },
      };
      cleanups.push(() => l.db.open && l.db.close());
      return l;
    },
    async server(dataDir, port = 0) {
      const s = await startServerProcess(dataDir, port);
      cleanups.push(async () => {
        if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
        await s.exited;
      });
      return s;
    },
    async postgres() {
      const pg = await startPostgresProcess();
      cleanups.push(() => pg.stop());
      return pg.url;
    },
  };
  return kit;
}
