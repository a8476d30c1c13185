/**
 * The running order under concurrent moves: fractional keys keep it a permutation. The pure key
 * assignment first, then two series managers' laptops moving posts apart through a real server.
 */
import { describe, expect, it } from 'vitest';
import { createPost } from '../../db/repos/posts';
import { createSeries } from '../../db/repos/series';
import { movePostInSeries } from '../../db/repos/series-posts';
import type { DB } from '../../db/connection';
import { invite } from './testing/team-server-process';
import { useSyncTestKit, type Laptop } from './testing/laptops';
import { joinWorkspace, openSession, resolveConflict, syncWorkspace } from './workspace';
import { ranksFor } from './running-order';

const kit = useSyncTestKit();
const TODAY = '2026-12-06';
const sync = (l: Laptop) => syncWorkspace(l.db, kit.vault(), 60_000);
async function joinAndSync(l: Laptop, token: string, url: string): Promise<void> {
  await joinWorkspace(l.db, kit.vault(), { url, token });
  await sync(l);
}

const sorted = (ranks: Map<string, string>) => [...ranks].sort((x, y) => (x[1] < y[1] ? -1 : 1)).map(([id]) => id);

describe('fractional running-order keys', () => {
  it('gives new posts keys in order, and a moved post alone a new key', () => {
    const first = ranksFor(['a', 'b', 'c', 'd'].map((id) => ({ id, rank: undefined })));
    expect(sorted(first)).toEqual(['a', 'b', 'c', 'd']);
    // d moved to the front: only d's key changes.
    const moved = ranksFor(['d', 'a', 'b', 'c'].map((id) => ({ id, rank: first.get(id) })));
    expect(sorted(moved)).toEqual(['d', 'a', 'b', 'c']);
    expect(['a', 'b', 'c'].map((id) => moved.get(id))).toEqual(['a', 'b', 'c'].map((id) => first.get(id)));
    expect(moved.get('d')).not.toBe(first.get('d'));
    // A new post in the middle takes a key between its neighbours.
    const inserted = ranksFor(['d', 'a', 'x', 'b', 'c'].map((id) => ({ id, rank: moved.get(id) })));
    expect(sorted(inserted)).toEqual(['d', 'a', 'x', 'b', 'c']);
    expect([...inserted].filter(([id, r]) => moved.get(id) !== r).map(([id]) => id)).toEqual(['x']);
  });
});

const order = (db: DB, seriesId: string) => db.prepare('SELECT title FROM posts WHERE series_id = ? AND deleted_at IS NULL ORDER BY position').pluck().all(seriesId) as string[];
const positions = (db: DB, seriesId: string) => db.prepare('SELECT position FROM posts WHERE series_id = ? AND deleted_at IS NULL ORDER BY position').pluck().all(seriesId);

describe('running order between laptops', { timeout: 300_000 }, () => {
  it('stays a permutation when two laptops move different posts apart, and lists one post moved two ways as a conflict', async () => {
    const data = kit.dir();
    const [annToken, samToken] = invite(data, ['Ann Admin', 'admin'], ['Sam Series', 'series-manager']);
    const server = await kit.server(data);
    const a = kit.laptop('a');
    const series = createSeries(a.db, { title: 'Care at home' }, TODAY);
    const ids: Record<string, string> = {};
    for (const t of ['P1', 'P2', 'P3', 'P4', 'P5']) ids[t] = createPost(a.db, { title: t, seriesId: series.id }).id;
    expect(order(a.db, series.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    await joinAndSync(a, annToken, server.url);
    const s = kit.laptop('s');
    await joinAndSync(s, samToken, server.url);
    expect(order(s.db, series.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);

    // Apart: Ann moves P1 to the end, Sam moves P4 to the front.
    movePostInSeries(a.db, ids.P1, 5, TODAY);
    movePostInSeries(s.db, ids.P4, 1, TODAY);
    for (const l of [a, s, a]) await sync(l);
    expect(order(a.db, series.id)).toEqual(['P4', 'P2', 'P3', 'P5', 'P1']);
    expect(order(s.db, series.id)).toEqual(order(a.db, series.id));
    for (const l of [a, s]) expect(positions(l.db, series.id)).toEqual([1, 2, 3, 4, 5]);
    const conflicts = (l: Laptop) => {
      const session = openSession(l.db, kit.vault());
      try {
        return session.conflicts();
      } finally {
        session.close();
      }
    };
    expect(conflicts(a)).toEqual([]);

    // Apart again: both move P2, to different places. Still a permutation, and a conflict on both.
    // (A swap of two neighbours would be ambiguous: either of the two may be the one that moved.)
    movePostInSeries(a.db, ids.P2, 5, TODAY);
    movePostInSeries(s.db, ids.P2, 4, TODAY);
    for (const l of [a, s, a]) await sync(l);
    expect(order(s.db, series.id)).toEqual(order(a.db, series.id));
    expect([...order(a.db, series.id)].sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    const listed = conflicts(a);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ key: `post:${ids.P2}|rank` });
    expect(listed[0].choices.map((c) => c.by).sort()).toEqual(['Ann Admin', 'Sam Series']);
    expect(conflicts(s)).toEqual(listed);

    // Sam keeps his move (P2 fourth); both laptops follow, and the conflict is gone.
    const session = openSession(s.db, kit.vault());
    resolveConflict(s.db, session, listed[0].id, listed[0].choices.findIndex((c) => c.by === 'Sam Series') + 1);
    session.close();
    for (const l of [s, a]) await sync(l);
    expect(order(a.db, series.id)).toEqual(['P4', 'P3', 'P5', 'P2', 'P1']);
    expect(order(s.db, series.id)).toEqual(order(a.db, series.id));
    expect(conflicts(a)).toEqual([]);
  });
});
