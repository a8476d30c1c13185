/**
 * Three laptops work offline on every kind of shared row, reconnect in turn, and end holding the
 * same workspace; the server is SIGKILLed in the middle of a sync and restarted, and nothing a
 * laptop made is lost.
 */
import { describe, expect, it } from 'vitest';
import { createPost, getPost, updatePost } from '../../db/repos/posts';
import { createSeries } from '../../db/repos/series';
import { setStatus } from '../../db/repos/comment-review';
import { createAuthor } from '../../db/repos/authors';
import { insertRawComment } from '../../db/testing/raw-rows';
import type { DB } from '../../db/connection';
import { uuidv7 } from '../../common/ids';
import { useSyncTestKit, type Laptop } from './testing/laptops';
import { invite } from './testing/team-server-process';
import { joinWorkspace, syncWorkspace, workspaceStatus } from './workspace';

const kit = useSyncTestKit();

function dump(db: DB) {
  return {
    authors: db.prepare('SELECT id, name, bio, deleted_at FROM authors ORDER BY id').all(),
    series: db.prepare('SELECT id, slug, title, cadence, deleted_at FROM series ORDER BY id').all(),
    posts: db.prepare('SELECT id, slug, title, standfirst, body, status, series_id, position, planned_date, deleted_at FROM posts ORDER BY id').all(),
    comments: db.prepare('SELECT post_id, source, source_id, body_text, status, deleted_at FROM comments ORDER BY post_id, source, source_id').all(),
  };
}

const sync = (l: Laptop, ms = 60_000) => syncWorkspace(l.db, kit.vault(), ms);

// The same journeys on each of the team server's stores: its SQLite file, and PostgreSQL (issue 18).
const STORES = [
  { store: 'SQLite', make: () => Promise.resolve(kit.dir()) },
  { store: 'PostgreSQL', make: () => kit.postgres() },
];

describe.each(STORES)('convergence on $store', { timeout: 300_000 }, ({ make }) => {
  it('three laptops each work offline on their own rows, reconnect one by one, and hold the same data', async () => {
    const data = await make();
    const server = await kit.server(data);
    const tokens = invite(data, ['Ann Admin', 'admin'], ['Ed Itor', 'editor'], ['Sam Series', 'series-manager']);
    const [a, e, s] = ['a', 'e', 's'].map((n) => kit.laptop(n));
    const post = createPost(a.db, { title: 'Shared post' });
    insertRawComment(a.db, { id: uuidv7(), postId: post.id, sourceId: 'c1', status: 'pending' });
    for (const [i, l] of [a, e, s].entries()) {
      await joinWorkspace(l.db, kit.vault(), { url: server.url, token: tokens[i] });
      await sync(l);
    }
    await sync(a);

    server.child.kill('SIGKILL');
    await server.exited;
    // Offline: each works within its role on its own things.
    setStatus(a.db, [a.db.prepare('SELECT id, revision FROM comments').get() as { id: string; revision: number }], 'approved');
    createAuthor(e.db, { name: 'Dr Ada Guest', bio: 'Nurse' });
    const p = getPost(e.db, { id: post.id });
    updatePost(e.db, { id: post.id, baseRevision: p.revision, standfirst: 'Written offline' });
    const created = createPost(e.db, { title: 'Offline draft' });
    const series = createSeries(s.db, { title: 'Offline series' }, '2026-12-06');
    const sp = getPost(s.db, { id: post.id });
    updatePost(s.db, { id: post.id, baseRevision: sp.revision, plannedDate: '2027-01-15' });
    for (const l of [a, e, s]) l.restart();
    for (const l of [a, e, s]) expect(workspaceStatus(l.db).pending, l.name).toBeGreaterThan(0);

    const back = await kit.server(data, server.port);
    void back;
    for (const l of [s, a, e, s, a]) await sync(l);
    const reference = dump(a.db);
    expect(dump(e.db)).toEqual(reference);
    expect(dump(s.db)).toEqual(reference);
    expect(reference.comments[0]).toMatchObject({ status: 'approved' });
    expect(reference.authors).toEqual([expect.objectContaining({ name: 'Dr Ada Guest' })]);
    expect(reference.posts.find((r) => (r as { id: string }).id === post.id)).toMatchObject({ standfirst: 'Written offline', planned_date: '2027-01-15' });
    expect(reference.posts.map((r) => (r as { title: string }).title).sort()).toEqual(['Offline draft', 'Shared post']);
    expect(reference.series).toEqual([expect.objectContaining({ id: series.id, title: 'Offline series' })]);
    expect(created.id).toBeTruthy();
    for (const l of [a, e, s]) expect(workspaceStatus(l.db)).toMatchObject({ pending: 0, conflicts: 0 });
  });

  it('loses nothing when the server is killed in the middle of a sync and restarted', async () => {
    const data = await make();
    const first = await kit.server(data);
    const [adminToken, editorToken] = invite(data, ['Ann Admin', 'admin'], ['Ed Itor', 'editor']);
    const a = kit.laptop('a');
    await joinWorkspace(a.db, kit.vault(), { url: first.url, token: adminToken });
    await sync(a);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(createPost(a.db, { title: `Post ${i}` }).id);
    const killed = sync(a, 20_000).then(
      () => 'finished',
      (err: Error) => err.message,
    );
    // Let part of it through (the server holds some of the documents), then kill it mid-stream.
    const health = `http://127.0.0.1:${first.port}/health`;
    const giveUp = Date.now() + 60_000;
    for (;;) {
      const { loadedDocuments } = (await (await fetch(health)).json()) as { loadedDocuments: number };
      if (loadedDocuments >= 5) break;
      if (Date.now() > giveUp) throw new Error('the server never loaded 5 documents');
      await new Promise((r) => setTimeout(r, 10));
    }
    first.child.kill('SIGKILL');
    await first.exited;
    // The kill landed before the sync was through: it gave up, saying it could not reach the server.
    expect(await killed).toMatch(/did not finish syncing/);
    const second = await kit.server(data, first.port);
    void second;
    await sync(a);
    expect(workspaceStatus(a.db)).toMatchObject({ state: 'up-to-date', pending: 0 });

    const b = kit.laptop('b');
    await joinWorkspace(b.db, kit.vault(), { url: first.url, token: editorToken });
    await sync(b);
    expect(dump(b.db)).toEqual(dump(a.db));
    expect(dump(b.db).posts).toHaveLength(40);
  });
});
