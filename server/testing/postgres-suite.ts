/**
 * For a test file that needs one private PostgreSQL (started before its tests, stopped by pid
 * after them) and temporary folders (removed after them). Call at the file's top level.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type PostgresProcess } from './postgres-process';

export function usePostgresSuite(prefix: string): { postgres: () => PostgresProcess; tempDir: () => string } {
  let server: PostgresProcess | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    server = await startPostgres();
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  return {
    postgres: () => server!,
    tempDir: () => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
  };
}
