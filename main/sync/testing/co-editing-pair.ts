/**
 * For a test file of two members co-editing: a real team server started once for the file, Ann
 * and Ed invited as editors, and `pair(doc)` binding both to a body document (destroyed after each test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { coEditor, converged, type CoEditor } from './co-editors';
import { invite, startServerProcess, type ServerProcess } from './team-server-process';

export function useCoEditingPair(tmpPrefix: string): { pair(doc: string): Promise<[CoEditor, CoEditor]> } {
  let server: ServerProcess;
  let data: string;
  let tokens: string[];
  const open: CoEditor[] = [];
  beforeAll(async () => {
    data = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
    server = await startServerProcess(data);
    tokens = invite(data, ['Ann Editor', 'editor'], ['Ed Itor', 'editor']);
  }, 60_000);
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    fs.rmSync(data, { recursive: true, force: true });
  });
  afterEach(() => {
    for (const e of open.splice(0)) e.destroy();
  });
  return {
    /** Ann and Ed on the body document, once both have synced it. */
    async pair(doc) {
      const a = coEditor('ann', server.url, doc, tokens[0]);
      const b = coEditor('ed', server.url, doc, tokens[1]);
      open.push(a, b);
      await converged([a, b]);
      return [a, b];
    },
  };
}
