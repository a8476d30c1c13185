/**
 * A new, migrated SQLite file for each test of a file, all in one temporary folder that is removed
 * after the file's last test. Import tests start from an empty store every time, so what one test
 * imported can never make another pass.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach } from 'vitest';
import { openDatabase } from '../../db/connection';

export function storePerTest(prefix: string): { readonly dir: string; path: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = { dir, path: '' };
  let n = 0;
  beforeEach(() => {
    store.path = path.join(dir, `store-${++n}.sqlite`);
    openDatabase(store.path).close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return store;
}
