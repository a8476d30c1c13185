import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../connection';
import { createPost, getPost, trashPost, updatePost } from './posts';
import { listRevisions } from './revisions';
import {
  createSeries,
  getSeriesDetail,
  listSeries,
  trashSeries,
  updateSeries,
} from './series';
import {
  addPostToSeries,
  commissionPost,
  movePostInSeries,
  removePostFromSeries,
  setPostDates,
  setPostStatus,
  transferPost,
} from './series-posts';

const TODAY = '2026-03-10';
let dir: string;
let db: DB;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-series-'));
  db = openDatabase(path.join(dir, 'w.sqlite'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function seriesWith(titles: string[], slug = 'leaders') {
  const s = createSeries(db, { title: `Series ${slug}`, slug, topic: 'current issues and opportunities for clinical and medical leaders' }, TODAY);
  for (const title of titles) addPostToSeries(db, { seriesId: s.id, title }, TODAY);
  return s;
}

const titles = (seriesId: string) => getSeriesDetail(db, { id: seriesId }, TODAY).posts.map((p) => p.title);

/** Positions straight from the table, so the test sees what is stored, not what get() derives. */
function storedPositions(seriesId: string): number[] {
  return (db.prepare('SELECT position FROM posts WHERE series_id = ? AND deleted_at IS NULL ORDER BY position').all(seriesId) as { position: number }[]).map(
    (r) => r.position,
  );
}
const dense = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('running order', () => {
  it('appends new drafts at the end with dense positions and the matching notice', () => {
    const s = seriesWith(['A', 'B', 'C']);
    const detail = getSeriesDetail(db, { id: s.id }, TODAY);
    expect(detail.posts.map((p) => [p.title, p.position, p.status])).toEqual([
      ['A', 1, 'idea'],
      ['B', 2, 'idea'],
      ['C', 3, 'idea'],
    ]);
    expect(detail.posts[2].notice).toBe(
      'This is the third in a series of guest blogs that explores current issues and opportunities for clinical and medical leaders.',
    );
    expect(storedPositions(s.id)).toEqual(dense(3));
  });

  it('inserting mid-series shifts every later post and its ordinal', () => {
    const s = seriesWith(['A', 'B', 'C', 'D']);
    const detail = addPostToSeries(db, { seriesId: s.id, title: 'New', position: 2 }, TODAY);
    expect(detail.posts.map((p) => p.title)).toEqual(['A', 'New', 'B', 'C', 'D']);
    expect(detail.posts[3].notice).toMatch(/^This is the fourth /);
    expect(storedPositions(s.id)).toEqual(dense(5));
  });

  it('moves a post up and down and keeps positions unique', () => {
    const s = seriesWith(['A', 'B', 'C', 'D', 'E']);
    const [a, , , , e] = getSeriesDetail(db, { id: s.id }, TODAY).posts;
    movePostInSeries(db, e.id, 1, TODAY);
    expect(titles(s.id)).toEqual(['E', 'A', 'B', 'C', 'D']);
    movePostInSeries(db, a.id, 5, TODAY);
    expect(titles(s.id)).toEqual(['E', 'B', 'C', 'D', 'A']);
    expect(storedPositions(s.id)).toEqual(dense(5));
  });

  it('refuses a position beyond the end and changes nothing', () => {
    const s = seriesWith(['A', 'B']);
    const [a] = getSeriesDetail(db, { id: s.id }, TODAY).posts;
    expect(() => movePostInSeries(db, a.id, 3, TODAY)).toThrow(/position 3 is out of range: use a position from 1 to 2/);
    expect(() => addPostToSeries(db, { seriesId: s.id, title: 'X', position: 9 }, TODAY)).toThrow(/from 1 to 3/);
    expect(titles(s.id)).toEqual(['A', 'B']);
    expect(db.prepare("SELECT count(*) AS n FROM posts WHERE title = 'X'").get()).toEqual({ n: 0 });
  });

  it('removing a post closes up the positions after it and leaves the draft outside any series', () => {
    const s = seriesWith(['A', 'B', 'C']);
    const b = getSeriesDetail(db, { id: s.id }, TODAY).posts[1];
    removePostFromSeries(db, b.id, TODAY);
    expect(titles(s.id)).toEqual(['A', 'C']);
    expect(storedPositions(s.id)).toEqual(dense(2));
    expect(db.prepare('SELECT series_id, position FROM posts WHERE id = ?').get(b.id)).toEqual({ series_id: null, position: null });
  });

  it('transfers a post to another series at a position, both orders staying dense', () => {
    const one = seriesWith(['A', 'B', 'C'], 'one');
    const two = seriesWith(['X', 'Y'], 'two');
    const b = getSeriesDetail(db, { id: one.id }, TODAY).posts[1];
    const { from, to } = transferPost(db, b.id, two.id, 2, TODAY);
    expect(from.posts.map((p) => p.title)).toEqual(['A', 'C']);
    expect(to.posts.map((p) => p.title)).toEqual(['X', 'B', 'Y']);
    expect(storedPositions(one.id)).toEqual(dense(2));
    expect(storedPositions(two.id)).toEqual(dense(3));
  });

  it('adds an existing draft from outside, taking it out of its old series', () => {
    const one = seriesWith(['A', 'B'], 'one');
    const two = seriesWith(['X'], 'two');
    const loose = createPost(db, { title: 'Loose' });
    addPostToSeries(db, { seriesId: two.id, postId: loose.id, position: 1 }, TODAY);
    const a = getSeriesDetail(db, { id: one.id }, TODAY).posts[0];
    addPostToSeries(db, { seriesId: two.id, postId: a.id }, TODAY);
    expect(titles(two.id)).toEqual(['Loose', 'X', 'A']);
    expect(titles(one.id)).toEqual(['B']);
    expect(storedPositions(one.id)).toEqual([1]);
  });

  it('excludes trashed posts and closes the hole they leave on the next change', () => {
    const s = seriesWith(['A', 'B', 'C', 'D']);
    const [, b, , d] = getSeriesDetail(db, { id: s.id }, TODAY).posts;
    trashPost(db, b.id);
    const detail = getSeriesDetail(db, { id: s.id }, TODAY);
    expect(detail.posts.map((p) => [p.title, p.position])).toEqual([['A', 1], ['C', 2], ['D', 3]]);
    movePostInSeries(db, d.id, 1, TODAY);
    expect(storedPositions(s.id)).toEqual(dense(3));
  });

  it('keeps both series dense and unique through 150 random inserts, moves, removals and transfers', () => {
    const one = seriesWith(['A', 'B', 'C'], 'one');
    const two = seriesWith(['X'], 'two');
    let seed = 42; // a fixed seed: the same sequence every run, so a failure can be replayed
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const ids = (seriesId: string) => getSeriesDetail(db, { id: seriesId }, TODAY).posts.map((p) => p.id);
    for (let step = 0; step < 150; step++) {
      const [here, there] = rand(2) ? [one, two] : [two, one];
      const order = ids(here.id);
      const op = order.length === 0 ? 0 : rand(4);
      const pick = order[rand(Math.max(order.length, 1))];
      if (op === 0) addPostToSeries(db, { seriesId: here.id, title: `n${step}`, position: 1 + rand(order.length + 1) }, TODAY);
      if (op === 1) movePostInSeries(db, pick, 1 + rand(order.length), TODAY);
      if (op === 2 && rand(3) === 0) removePostFromSeries(db, pick, TODAY);
      if (op === 3) transferPost(db, pick, there.id, 1 + rand(ids(there.id).length + 1), TODAY);
      for (const s of [one, two]) {
        const stored = storedPositions(s.id);
        expect(stored, `after step ${step}`).toEqual(dense(stored.length));
      }
    }
    const total = db.prepare('SELECT count(*) AS n FROM posts WHERE series_id IS NOT NULL').get() as { n: number };
    expect(ids(one.id).length + ids(two.id).length).toBe(total.n);
  });

  it('rolls back every position when a write fails half-way through a reorder', () => {
    const s = seriesWith(['A', 'B', 'C', 'D']);
    const before = db.prepare('SELECT id, position, updated_at FROM posts ORDER BY id').all();
    const d = getSeriesDetail(db, { id: s.id }, TODAY).posts[3];
    // A real failure inside SQLite: the third row's update is refused after two have been written.
    db.exec(`CREATE TRIGGER fail_mid_reorder BEFORE UPDATE OF position ON posts WHEN new.position = 3
             BEGIN SELECT RAISE(ABORT, 'disk said no'); END;`);
    expect(() => movePostInSeries(db, d.id, 1, TODAY)).toThrow(/disk said no/);
    db.exec('DROP TRIGGER fail_mid_reorder');
    expect(db.prepare('SELECT id, position, updated_at FROM posts ORDER BY id').all()).toEqual(before);
    expect(titles(s.id)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('rolls back a transfer whose destination refuses the post, leaving the source series as it was', () => {
    const one = seriesWith(['A', 'B'], 'one');
    const other = createSeries(db, { title: 'Other', workflow: ['pitch', 'asked', 'writing', 'edit', 'live'] }, TODAY);
    const a = getSeriesDetail(db, { id: one.id }, TODAY).posts[0];
    expect(() => transferPost(db, a.id, other.id, undefined, TODAY)).toThrow(/has no status "idea"/);
    expect(titles(one.id)).toEqual(['A', 'B']);
    expect(storedPositions(one.id)).toEqual(dense(2));
  });
});

describe('workflow', () => {
  it('refuses a status outside the series workflow, naming the workflow', () => {
    const s = seriesWith(['A']);
    const a = getSeriesDetail(db, { id: s.id }, TODAY).posts[0];
    expect(() => setPostStatus(db, a.id, 'printed', TODAY)).toThrow(/"printed" is not a status of "Series leaders"; its workflow is idea → commissioned/);
  });

  it('a status change on the board snapshots the text and bumps the revision, so an open editor cannot undo it silently', () => {
    const s = seriesWith(['A']);
    const a = getSeriesDetail(db, { id: s.id }, TODAY).posts[0];
    const before = getPost(db, { id: a.id });
    setPostStatus(db, a.id, 'drafting', TODAY);
    const after = getPost(db, { id: a.id });
    expect(after.revision).toBe(before.revision + 1);
    expect(listRevisions(db, a.id).map((r) => r.reason)).toEqual(['status: idea → drafting']);
    // An editor still holding the old revision is refused rather than overwriting the status.
    expect(() => updatePost(db, { id: a.id, baseRevision: before.revision, status: 'idea' })).toThrow(/saved elsewhere/);
    // Setting the status it already has changes nothing.
    setPostStatus(db, a.id, 'drafting', TODAY);
    expect(getPost(db, { id: a.id }).revision).toBe(after.revision);
    expect(listRevisions(db, a.id)).toHaveLength(1);
  });

  it('commissioning records the guest author and deadline; a passed deadline is overdue until delivered', () => {
    const s = seriesWith(['A', 'B']);
    const a = getSeriesDetail(db, { id: s.id }, TODAY).posts[0];
    let detail = commissionPost(db, { postId: a.id, authorName: 'Dr Ada Guest', deadline: '2026-03-01' }, TODAY);
    expect(detail.posts[0]).toMatchObject({ status: 'commissioned', deadline: '2026-03-01', overdue: true, authors: [{ name: 'Dr Ada Guest' }] });
    expect(detail.series.overdueCount).toBe(1);
    detail = setPostStatus(db, a.id, 'drafting', TODAY);
    expect(detail.posts[0].overdue).toBe(true);
    detail = setPostStatus(db, a.id, 'in-review', TODAY);
    expect(detail.posts[0].overdue).toBe(false);
    expect(detail.posts[0].deliveredAt).not.toBeNull();
    // The same name finds the same author rather than adding a duplicate.
    commissionPost(db, { postId: detail.posts[1].id, authorName: 'dr ada guest', deadline: '2026-04-01' }, TODAY);
    expect(db.prepare('SELECT count(*) AS n FROM authors').get()).toEqual({ n: 1 });
  });

  it('does not count a post as overdue once its status reached the delivery step, however the status was set', () => {
    const s = seriesWith(['A']);
    const a = getSeriesDetail(db, { id: s.id }, TODAY).posts[0];
    commissionPost(db, { postId: a.id, authorName: 'Guest', deadline: '2026-03-01' }, TODAY);
    // The editor saves status through posts.update, which knows nothing of delivery.
    db.prepare("UPDATE posts SET status = 'scheduled' WHERE id = ?").run(a.id);
    const detail = getSeriesDetail(db, { id: s.id }, TODAY);
    expect(detail.posts[0].overdue).toBe(false);
    expect(detail.series.overdueCount).toBe(0);
    expect(listSeries(db, { today: TODAY })[0].overdueCount).toBe(0);
    db.prepare("UPDATE posts SET status = 'drafting' WHERE id = ?").run(a.id);
    expect(listSeries(db, { today: TODAY })[0].overdueCount).toBe(1);
    expect(getSeriesDetail(db, { id: s.id }, TODAY).posts[0].overdue).toBe(true);
  });

  it('renames statuses with their posts and refuses to drop a status still in use', () => {
    const s = seriesWith(['A', 'B']);
    const [a] = getSeriesDetail(db, { id: s.id }, TODAY).posts;
    setPostStatus(db, a.id, 'in-review', TODAY);
    const renamed = updateSeries(
      db,
      { id: s.id, workflow: ['idea', 'commissioned', 'drafting', 'editing', 'scheduled', 'published'], renames: [{ from: 'in-review', to: 'editing' }] },
      TODAY,
    );
    expect(renamed.deliveryStatus).toBe('editing');
    expect(getSeriesDetail(db, { id: s.id }, TODAY).posts.map((p) => p.status)).toEqual(['editing', 'idea']);
    expect(() => updateSeries(db, { id: s.id, workflow: ['commissioned', 'drafting', 'editing', 'scheduled', 'published'] }, TODAY)).toThrow(
      /leaves out statuses still in use \(1 post is "idea"\)/,
    );
    expect(getSeriesDetail(db, { id: s.id }, TODAY).series.workflow[0]).toBe('idea');
  });

  it('links each post to the nearest scheduled or published neighbours', () => {
    const s = seriesWith(['A', 'B', 'C', 'D']);
    const [a, b, c, d] = getSeriesDetail(db, { id: s.id }, TODAY).posts;
    setPostStatus(db, a.id, 'published', TODAY);
    setPostStatus(db, d.id, 'scheduled', TODAY);
    const posts = getSeriesDetail(db, { id: s.id }, TODAY).posts;
    expect(posts[2].previous?.slug).toBe(a.slug);
    expect(posts[2].next?.slug).toBe(d.slug);
    expect(posts[0].previous).toBeNull();
    expect(posts[0].next?.position).toBe(4);
    expect([b.id, c.id]).not.toContain(posts[1].next?.id);
  });
});

describe('series', () => {
  it('refuses a typed slug that is taken, also by a series in the trash, and numbers one made from the title', () => {
    const s = createSeries(db, { title: 'Leaders' }, TODAY);
    expect(() => createSeries(db, { title: 'Leaders again', slug: 'leaders' }, TODAY)).toThrow(/slug "leaders" is used by another series; choose another/);
    trashSeries(db, s.id);
    expect(listSeries(db, { today: TODAY })).toEqual([]);
    expect(() => createSeries(db, { title: 'X', slug: 'leaders' }, TODAY)).toThrow(/another series in the trash/);
    expect(createSeries(db, { title: 'Leaders' }, TODAY).slug).toBe('leaders-2');
    const other = createSeries(db, { title: 'Other' }, TODAY);
    expect(() => updateSeries(db, { id: other.id, slug: 'leaders-2' }, TODAY)).toThrow(/slug "leaders-2" is used by another series/);
  });

  it('flags clashing planned dates on both posts', () => {
    const s = seriesWith(['A', 'B', 'C']);
    const [a, b, c] = getSeriesDetail(db, { id: s.id }, TODAY).posts;
    setPostDates(db, a.id, '2026-04-01', undefined, TODAY);
    setPostDates(db, b.id, '2026-04-01', undefined, TODAY);
    const detail = setPostDates(db, c.id, '2026-04-20', '2026-04-10', TODAY);
    expect(detail.posts.map((p) => p.clash)).toEqual([true, true, false]);
    expect(detail.plan.gaps).toHaveLength(1);
    expect(detail.posts[2].deadline).toBe('2026-04-10');
    expect(detail.series.nextPlannedDate).toBe('2026-04-01');
  });
});
