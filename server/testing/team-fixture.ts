/**
 * For a test file that starts team server processes and clients: each is stopped (a server by
 * SIGKILL if still running) and each temporary folder removed after every test, last made first.
 * Call at the file's top level.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { connect, startServerProcess, type Client, type ServerProcess } from './team-process';

export interface TeamFixture {
  /** Runs after the current test, before what was registered earlier. */
  cleanup(fn: () => unknown): void;
  tempDir(): string;
  server(dataDir: string, extra?: string[], port?: number, env?: NodeJS.ProcessEnv): Promise<ServerProcess>;
  client(...args: Parameters<typeof connect>): Client;
}

export function useTeamFixture(prefix: string): TeamFixture {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const cleanup = (fn: () => unknown) => void cleanups.push(fn);
  return {
    cleanup,
    tempDir() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      cleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
    async server(dataDir, extra = [], port = 0, env) {
      const s = await startServerProcess(dataDir, extra, port, env);
      cleanup(async () => {
        if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
        await s.exited;
      });
      return s;
    },
    client(...args) {
      const c = connect(...args);
      cleanup(() => c.destroy());
      return c;
    },
  };
}
