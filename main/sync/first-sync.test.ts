/**
 * A large store's first sync finishes. Each post is three documents on one WebSocket, and
 * Hocuspocus closes a connection with more than 100 documents waiting to be authenticated: a store
 * of more than about 30 posts used to be reset on every connect, reconnect and be reset again, so
 * its first sync never finished (main/sync/gated-provider.ts). 150 posts are 452 documents.
 * A one-off sync takes them in windows and closes each (session.ts): the server, which unloads a
 * document once nobody has it open, never holds the whole workspace.
 */
import { describe, expect, it } from 'vitest';
import { createPost } from '../../db/repos/posts';
import { insertRawComment } from '../../db/testing/raw-rows';
import { uuidv7 } from '../../common/ids';
import { useSyncTestKit } from './testing/laptops';
import { invite } from './testing/team-server-process';
import { joinWorkspace, syncWorkspace, workspaceStatus } from './workspace';
import { SYNC_WINDOW } from './session';
import { bodyOf } from './testing/bodies';

const kit = useSyncTestKit();
const POSTS = 150;

describe('first sync of a large store', { timeout: 300_000 }, () => {
  it('sends every post of a 150-post store, a new member receives them all, and the server never resets the connection', async () => {
    const data = kit.dir();
    const server = await kit.server(data);
    const [adminToken, editorToken] = invite(data, ['Ann Admin', 'admin'], ['Ed Itor', 'editor']);
    const a = kit.laptop('a');
    a.db.transaction(() => {
      for (let i = 0; i < POSTS; i++) {
        const post = createPost(a.db, { title: `Post ${i}` });
        insertRawComment(a.db, { id: uuidv7(), postId: post.id, sourceId: `c${i}`, status: 'pending' });
      }
    })();
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: adminToken });
    await syncWorkspace(a.db, kit.vault(), 120_000);
    expect(workspaceStatus(a.db)).toMatchObject({ state: 'up-to-date', pending: 0 });

    const b = kit.laptop('b');
    await joinWorkspace(b.db, kit.vault(), { url: server.url, token: editorToken });
    const health = server.url.replace(/^ws/, 'http') + '/health';
    const loaded = async () => ((await (await fetch(health)).json()) as { loadedDocuments: number }).loadedDocuments;
    let peak = 0;
    let syncing = true;
    const watching = (async () => {
      while (syncing) (peak = Math.max(peak, await loaded())), await new Promise((r) => setTimeout(r, 10));
    })();
    await syncWorkspace(b.db, kit.vault(), 120_000);
    syncing = false;
    await watching;
    // Two windows (the one applied and the next, loading meanwhile), the four singletons, and the
    // last window's documents still being unloaded.
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(3 * SYNC_WINDOW + 4);
    const titles = (db: typeof a.db) => db.prepare('SELECT title FROM posts ORDER BY id').pluck().all();
    expect(titles(b.db)).toHaveLength(POSTS);
    expect(titles(b.db)).toEqual(titles(a.db));
    expect(b.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(POSTS);
    expect(server.output()).not.toMatch(/closing connection/);
  });

  it('seeds each body once and does not open its document again once the server has it', async () => {
    const data = kit.dir();
    const server = await kit.server(data);
    const [adminToken] = invite(data, ['Ann Admin', 'admin']);
    const a = kit.laptop('a');
    const ids = a.db.transaction(() => Array.from({ length: 12 }, (_, i) => createPost(a.db, { title: `Seeded ${i}`, body: bodyOf([`The text of post ${i}.`]) }).id))();
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: adminToken });
    await syncWorkspace(a.db, kit.vault(), 120_000);
    expect(workspaceStatus(a.db)).toMatchObject({ state: 'up-to-date', pending: 0 });
    // The server logs each load of a document: reopening a seeded body straight after its window
    // closed raced the server's unloading of it, and its acknowledgement waited for a reconnect.
    const loads = server.output().split('\n').filter((l) => l.includes('"document.load"'));
    for (const id of ids) expect(loads.filter((l) => l.includes(`body/${id}`)), id).toHaveLength(1);
  });
});
