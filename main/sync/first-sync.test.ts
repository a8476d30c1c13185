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
import { BULK_COMMENTS } from './projection';

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

  it('a window of many comments leaves the same search index, comment states, counts and triggers as comments inserted one by one', async () => {
    const data = kit.dir();
    const server = await kit.server(data);
    const [adminToken, editorToken] = invite(data, ['Ann Admin', 'admin'], ['Ed Itor', 'editor']);
    const a = kit.laptop('a');
    const statuses = ['approved', 'pending', 'spam', 'trash'];
    // One post with more comments than a bulk pull's threshold, one with a few: one window holds both.
    const posts = a.db.transaction(() => [createPost(a.db, { title: 'Busy' }).id, createPost(a.db, { title: 'Quiet' }).id])();
    const insert = a.db.prepare(
      `INSERT INTO comments (id, created_at, updated_at, deleted_at, post_id, source, source_id, parent_source_id, author_name, body_html, body_text, status)
       VALUES (?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?, ?, 'wxr', ?, ?, ?, '<p>x</p>', ?, ?)`,
    );
    a.db.transaction(() => {
      for (let i = 0; i < BULK_COMMENTS + 50; i++) {
        insert.run(uuidv7(), i % 17 === 0 ? '2026-01-02T00:00:00.000Z' : null, posts[0], `c${i}`, i % 5 === 0 && i > 0 ? `c${i - 1}` : null, `Reader ${i % 7}`, `word${i % 11} comment ${i}`, statuses[i % 4]);
      }
      for (let i = 0; i < 3; i++) insert.run(uuidv7(), null, posts[1], `q${i}`, null, 'Quiet reader', `quietword number ${i}`, 'approved');
    })();
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: adminToken });
    await syncWorkspace(a.db, kit.vault(), 120_000);

    const b = kit.laptop('b');
    await joinWorkspace(b.db, kit.vault(), { url: server.url, token: editorToken });
    await syncWorkspace(b.db, kit.vault(), 120_000);
    type DB = typeof a.db;
    const counts = (db: DB) => db.prepare('SELECT post_id, status, live FROM post_comment_counts WHERE live <> 0 ORDER BY post_id, status').all();
    const states = (db: DB) => db.prepare('SELECT c.source_id, s.state FROM comments c JOIN comment_states s ON s.comment_rowid = c.rowid ORDER BY c.source_id').all();
    const found = (db: DB, q: string) => db.prepare('SELECT c.source_id FROM comments_fts f JOIN comments c ON c.rowid = f.rowid WHERE comments_fts MATCH ? ORDER BY c.source_id').pluck().all(q);
    const triggers = (db: DB) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'comments' ORDER BY name").all();
    // Laptop a inserted its rows raw (replies unlinked): b must have linked each reply to its parent.
    const parents = (db: DB) => db.prepare('SELECT c.source_id, p.source_id AS parent FROM comments c LEFT JOIN comments p ON p.id = c.parent_id ORDER BY c.source_id').all();
    const named = (db: DB) => db.prepare('SELECT source_id, parent_source_id AS parent FROM comments ORDER BY source_id').all();
    expect(b.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(BULK_COMMENTS + 53);
    expect(counts(b.db)).toEqual(counts(a.db));
    expect(states(b.db)).toEqual(states(a.db));
    for (const q of ['word3', 'quietword', '"Reader 4"']) expect(found(b.db, q), q).toEqual(found(a.db, q));
    expect(found(b.db, 'word3').length).toBeGreaterThan(0);
    expect(triggers(b.db)).toEqual(triggers(a.db));
    expect(parents(b.db)).toEqual(named(a.db));
    // The triggers are back in force: a comment added afterwards is indexed and counted at once.
    b.db.prepare(`INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, body_text, status) VALUES (?, 'x', 'x', ?, 'here', 'n1', 'latecomer', 'approved')`).run(uuidv7(), posts[1]);
    expect(found(b.db, 'latecomer')).toEqual(['n1']);
    expect(b.db.prepare("SELECT live FROM post_comment_counts WHERE post_id = ? AND status = 'approved'").pluck().get(posts[1])).toBe(4);
  });
});
