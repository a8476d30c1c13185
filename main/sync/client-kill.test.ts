/**
 * A laptop's sync process SIGKILLed in the middle of a sync, twice: while it sends its store to the
 * workspace, and while a new member receives it. After a restart each syncs again, and the stores
 * end identical, with everything the first laptop had written (acknowledged to its user by the
 * local write) present on the second.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPost } from '../../db/repos/posts';
import { insertRawComment } from '../../db/testing/raw-rows';
import { uuidv7 } from '../../common/ids';
import { openDatabase, type DB } from '../../db/connection';
import { useSyncTestKit } from './testing/laptops';
import { invite } from './testing/team-server-process';
import { KeyFileVault } from './token-vault';
import { joinWorkspace, syncWorkspace, workspaceStatus } from './workspace';

const kit = useSyncTestKit();
const ROOT = path.resolve(import.meta.dirname, '..', '..');

function dump(db: DB) {
  return {
    posts: db.prepare('SELECT id, slug, title, standfirst, status, deleted_at FROM posts ORDER BY id').all(),
    comments: db.prepare('SELECT post_id, source, source_id, status FROM comments ORDER BY post_id, source, source_id').all(),
  };
}

/** `workbench workspace sync` in a process of its own, SIGKILLed as soon as `midway()` holds. */
async function syncKilledMidway(file: string, keyFile: string, midway: () => Promise<boolean>): Promise<NodeJS.Signals | number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main', 'cli-main.ts'), 'workspace', 'sync', '--db', file, '--timeout', '120'], {
    cwd: ROOT,
    env: { ...process.env, WORKBENCH_KEY_FILE: keyFile },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  let done = false;
  void exited.then(() => (done = true));
  while (!done && !(await midway())) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  return exited;
}

const count = (file: string, sql: string) => {
  const db = openDatabase(file);
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('a client killed mid-sync', { timeout: 300_000 }, () => {
  it('loses nothing when a laptop is SIGKILLed while sending and while receiving, and both converge after a restart', async () => {
    const data = kit.dir();
    const server = await kit.server(data);
    const [adminToken, editorToken] = invite(data, ['Ann Admin', 'admin'], ['Ed Itor', 'editor']);
    const keyFile = path.join(kit.dir(), 'workspace.key');
    const vault = new KeyFileVault(keyFile);
    const a = kit.laptop('a');
    a.db.transaction(() => {
      for (let i = 0; i < 60; i++) {
        const post = createPost(a.db, { title: `Post ${i}` });
        insertRawComment(a.db, { id: uuidv7(), postId: post.id, sourceId: `c${i}`, status: 'pending' });
      }
    })();
    await joinWorkspace(a.db, vault, { url: server.url, token: adminToken });
    a.db.close();

    // Sending: killed once the server holds some of the documents.
    const health = `http://127.0.0.1:${server.port}/health`;
    const sending = await syncKilledMidway(a.file, keyFile, async () => ((await (await fetch(health)).json()) as { loadedDocuments: number }).loadedDocuments >= 5);
    expect(sending).toBe('SIGKILL');
    a.restart();
    expect(workspaceStatus(a.db).pending).toBeGreaterThan(0);
    await syncWorkspace(a.db, vault, 120_000);
    expect(workspaceStatus(a.db)).toMatchObject({ state: 'up-to-date', pending: 0 });

    // Receiving: a new member killed once part of the workspace is in its file.
    const b = kit.laptop('b');
    await joinWorkspace(b.db, vault, { url: server.url, token: editorToken });
    b.db.close();
    const receiving = await syncKilledMidway(b.file, keyFile, async () => count(b.file, 'SELECT count(*) FROM sync_doc_updates') >= 20);
    expect(receiving).toBe('SIGKILL');
    expect(count(b.file, 'SELECT count(*) FROM posts')).toBeLessThan(60);
    b.restart();
    await syncWorkspace(b.db, vault, 120_000);
    expect(dump(b.db)).toEqual(dump(a.db));
    expect(dump(b.db).posts).toHaveLength(60);
    expect(dump(b.db).comments).toHaveLength(60);
  });
});
