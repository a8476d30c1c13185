/**
 * For tests that talk to a real WordPress: one instance per test file (it takes seconds to start),
 * and per test a fresh workbench context (its own SQLite file) with its own credential store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { closeContext, createContext, type Ctx } from '../context';
import { startWordPress, type WordPressServer } from '../testing/wordpress-server';
import { CredentialStore, keyFileBox } from './credentials';

export interface WordPressFixture {
  wp: WordPressServer;
  ctx: Ctx;
  dir: string;
  store: CredentialStore;
}

export function useWordPress(prefix: string): WordPressFixture {
  const f = {} as WordPressFixture;
  beforeAll(async () => {
    f.wp = await startWordPress();
  }, 120_000);
  afterAll(async () => {
    await f.wp?.stop();
  }, 60_000);
  beforeEach(() => {
    f.wp.reset();
    f.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    f.ctx = createContext({ dbPath: path.join(f.dir, 'w.sqlite'), mode: 'cli' });
    f.store = new CredentialStore(path.join(f.dir, 'secrets', 'credentials.json'), keyFileBox(path.join(f.dir, 'secrets', 'wordpress.key')), {});
  });
  afterEach(() => {
    closeContext(f.ctx);
    fs.rmSync(f.dir, { recursive: true, force: true });
  });
  return f;
}
