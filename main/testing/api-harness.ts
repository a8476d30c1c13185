/**
 * For tests that drive the API: each test gets a fresh SQLite file in its own temp folder, a
 * context on it, and the real dispatch with every result checked against its output schema.
 * The fields are replaced before each test, so read them through the returned object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Handlers } from '../../common/api';
import type { ErrorData } from '../../common/errors';
import { closeContext, createContext, type Ctx } from '../context';
import { createDispatch, type Dispatch } from '../dispatch';
import { handlers as allHandlers } from '../handlers/index';

export interface ApiHarness {
  dir: string;
  ctx: Ctx;
  call: Dispatch;
  /** The method's value; an error result fails the test with its code and message. */
  value<T = any>(method: string, input: unknown): Promise<T>;
  /** The method's error; a success fails the test. */
  failure(method: string, input: unknown): Promise<ErrorData>;
}

export function useApiHarness(prefix: string, handlers: Partial<Handlers<Ctx>> = allHandlers): ApiHarness {
  const h = {
    async value(method: string, input: unknown) {
      const r = await h.call(method, input);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as any;
    },
    async failure(method: string, input: unknown) {
      const r = await h.call(method, input);
      if (r.ok) throw new Error(`${method} succeeded`);
      return r.error;
    },
  } as ApiHarness;
  beforeEach(() => {
    h.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    h.ctx = createContext({ dbPath: path.join(h.dir, 'w.sqlite'), mode: 'cli' });
    // A test may register only the areas it drives; dispatch refuses the rest.
    h.call = createDispatch(handlers as Handlers<Ctx>, h.ctx, { checkOutput: true });
  });
  afterEach(() => {
    closeContext(h.ctx);
    fs.rmSync(h.dir, { recursive: true, force: true });
  });
  return h;
}
