/**
 * Two and three laptops (real SQLite files) through a real team server process: joining with
 * data, convergence, offline work across restarts, conflicts shown and decided, roles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPost, getPost, updatePost } from '../../db/repos/posts';
import { createSeries } from '../../db/repos/series';
import { setStatus } from '../../db/repos/comment-review';
import { insertRawComment } from '../../db/testing/raw-rows';
import { invite } from './testing/team-server-process';
import type { DB } from '../../db/connection';
import { useSyncTestKit, type Laptop } from './testing/laptops';
import { discardRefused, joinWorkspace, listRefused, openSession, resolveConflict, syncWorkspace, workspaceStatus } from './workspace';

const kit = useSyncTestKit();
const TODAY = '2026-12-06';

/** Every shared table as data, without what stays per laptop (local ids of comments, revisions, times). */
function dump(db: DB) {
  return {
    authors: db.prepare('SELECT id, name, role, organisation, bio, deleted_at FROM authors ORDER BY id').all(),
    series: db.prepare('SELECT id, slug, title, cadence, workflow, deleted_at FROM series ORDER BY id').all(),
    posts: db.prepare('SELECT id, slug, title, standfirst, body, status, series_id, position, planned_date, deadline, tags, deleted_at FROM posts ORDER BY id').all(),
    comments: db.prepare('SELECT post_id, source, source_id, body_text, status, deleted_at FROM comments ORDER BY post_id, source, source_id').all(),
  };
}

const sync = (l: Laptop, ms = 30_000) => syncWorkspace(l.db, kit.vault(), ms);
const comment = (db: DB, sourceId: string) => db.prepare('SELECT id, status, revision FROM comments WHERE source_id = ?').get(sourceId) as { id: string; status: string; revision: number };

describe('team workspace, laptop side', { timeout: 180_000 }, () => {
  it('joins with data, converges two laptops both ways, and keeps the token sealed', async () => {
    const data = kit.dir();
    const [adminToken, editorToken] = invite(data, ['Ann Admin', 'admin'], ['Ed Itor', 'editor']);
    const server = await kit.server(data);

    const a = kit.laptop('a');
    const series = createSeries(a.db, { title: 'Care at home' }, TODAY);
    const post = createPost(a.db, { title: 'Nursing at home', seriesId: series.id, position: 1 });
    insertRawComment(a.db, { id: '0190a0b2-7c1d-7000-8000-00000000c001', postId: post.id, sourceId: 'c1', status: 'pending' });
    const joined = await joinWorkspace(a.db, kit.vault(), { url: server.url, token: adminToken });
    expect(joined).toMatchObject({ joined: true, member: { name: 'Ann Admin' }, role: 'admin' });
    expect((await sync(a)).state).toBe('up-to-date');

    const b = kit.laptop('b');
    await joinWorkspace(b.db, kit.vault(), { url: server.url, token: editorToken });
    const bStatus = await sync(b);
    expect(bStatus).toMatchObject({ state: 'up-to-date', pending: 0, conflicts: 0, lastSyncAt: expect.any(String) });
    expect(dump(b.db)).toEqual(dump(a.db));
    expect(dump(b.db).comments).toHaveLength(1);

    const onB = getPost(b.db, { id: post.id });
    updatePost(b.db, { id: post.id, baseRevision: onB.revision, title: 'Nursing care at home', standfirst: 'What families learn.' });
    await sync(b);
    await sync(a);
    expect(getPost(a.db, { id: post.id })).toMatchObject({ title: 'Nursing care at home', standfirst: 'What families learn.' });
    expect(dump(a.db)).toEqual(dump(b.db));

    for (const l of [a, b]) {
      l.db.pragma('wal_checkpoint(TRUNCATE)');
      for (const f of fs.readdirSync(path.dirname(l.file))) {
        const bytes = fs.readFileSync(path.join(path.dirname(l.file), f));
        expect(bytes.includes(adminToken) || bytes.includes(editorToken), `${f} holds a token in clear`).toBe(false);
      }
    }
  });

  it('lists two offline moderations of one comment as one conflict on both laptops, until one is picked', async () => {
    const data = kit.dir();
    const first = await kit.server(data);
    const a = kit.laptop('a');
    const post = createPost(a.db, { title: 'A post with comments' });
    insertRawComment(a.db, { id: '0190a0b2-7c1d-7000-8000-00000000c002', postId: post.id, sourceId: 'c2', status: 'pending' });
    await joinWorkspace(a.db, kit.vault(), { url: first.url, token: invite(data, ['Ann Admin', 'admin'])[0] });
    await sync(a);
    const r = kit.laptop('r');
    await joinWorkspace(r.db, kit.vault(), { url: first.url, token: invite(data, ['Rae Viewer', 'reviewer'])[0] });
    await sync(r);

    first.child.kill('SIGKILL');
    await first.exited;
    setStatus(a.db, [comment(a.db, 'c2')], 'spam');
    setStatus(r.db, [comment(r.db, 'c2')], 'approved');
    await expect(sync(a, 1500)).rejects.toThrow(/did not finish syncing/);
    // A restart of the app while offline: the change waits in the file.
    r.restart();
    expect(workspaceStatus(r.db)).toMatchObject({ state: 'changes-waiting', pending: expect.any(Number) });
    expect(workspaceStatus(r.db).pending).toBeGreaterThan(0);

    const second = await kit.server(data, first.port);
    void second;
    await sync(a);
    await sync(r);
    await sync(a);
    expect(comment(a.db, 'c2').status).toBe(comment(r.db, 'c2').status);
    const listed = (l: Laptop) => {
      const s = openSession(l.db, kit.vault());
      try {
        return s.conflicts();
      } finally {
        s.close();
      }
    };
    const onA = listed(a);
    expect(onA).toHaveLength(1);
    expect(listed(r)).toEqual(onA);
    expect(onA[0]).toMatchObject({ key: expect.stringMatching(/^comment:test:c2\|status$/), base: 'pending' });
    expect(onA[0].choices.map((c) => [c.value, c.by]).sort()).toEqual([['approved', 'Rae Viewer'], ['spam', 'Ann Admin']]);
    expect(workspaceStatus(a.db).conflicts).toBe(1);

    const s = openSession(r.db, kit.vault());
    const pick = onA[0].choices.findIndex((c) => c.value === 'spam') + 1;
    resolveConflict(r.db, s, onA[0].id, pick);
    s.close();
    expect(comment(r.db, 'c2').status).toBe('spam');
    await sync(r);
    await sync(a);
    expect(listed(a)).toEqual([]);
    expect(listed(r)).toEqual([]);
    expect(workspaceStatus(a.db).conflicts).toBe(0);
    expect(comment(a.db, 'c2').status).toBe('spam');
    expect(dump(a.db)).toEqual(dump(r.db));
  });

  it("lists a reviewer's change to a post's text as refused, never sends it, and puts the team's text back on discard", async () => {
    const data = kit.dir();
    const server = await kit.server(data);
    const a = kit.laptop('a');
    const post = createPost(a.db, { title: 'Original title' });
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: invite(data, ['Ann Admin', 'admin'])[0] });
    await sync(a);
    const r = kit.laptop('r');
    await joinWorkspace(r.db, kit.vault(), { url: server.url, token: invite(data, ['Rae Viewer', 'reviewer'])[0] });
    await sync(r);

    const p = getPost(r.db, { id: post.id });
    updatePost(r.db, { id: post.id, baseRevision: p.revision, title: 'Reviewer rewrote it' });
    const status = await sync(r);
    expect(status.refused).toBe(1);
    expect(listRefused(r.db)).toEqual([
      expect.objectContaining({ table: 'posts', rowId: post.id, field: 'title', value: 'Reviewer rewrote it', reason: 'Reviewers may not change this (post); only editors and admins may.' }),
    ]);
    await sync(a);
    expect(getPost(a.db, { id: post.id }).title).toBe('Original title');
    // Kept on the reviewer's side until they discard it.
    expect(getPost(r.db, { id: post.id }).title).toBe('Reviewer rewrote it');
    const s = openSession(r.db, kit.vault());
    expect(discardRefused(r.db, s)).toBe(1);
    s.close();
    expect(getPost(r.db, { id: post.id }).title).toBe('Original title');
    expect(listRefused(r.db)).toEqual([]);
  });
});
