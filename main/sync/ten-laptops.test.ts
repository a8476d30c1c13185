/**
 * Ten laptops, every role, a seeded random offline day each: titles, standfirsts, planned dates
 * and deadlines, new drafts and series, deletes and restores, comment moderation. The server is
 * down meanwhile; they reconnect in a seeded random order. Afterwards every store's canonical
 * dump of the shared tables is identical, every change that no one else touched is there as its
 * author left it, and every disagreement is listed once, under the same id, on every laptop.
 */
import { describe, expect, it } from 'vitest';
import { createPost, getPost, restorePost, trashPost, updatePost } from '../../db/repos/posts';
import { createSeries } from '../../db/repos/series';
import { setStatus } from '../../db/repos/comment-review';
import { insertRawComment } from '../../db/testing/raw-rows';
import type { DB } from '../../db/connection';
import { uuidv7 } from '../../common/ids';
import { seededRandom } from '../../common/random';
import { useSyncTestKit, type Laptop } from './testing/laptops';
import { invite } from './testing/team-server-process';
import { openSession, joinWorkspace, syncWorkspace } from './workspace';

const kit = useSyncTestKit();
const SEED = 20261207;
const ROLES = ['admin', 'admin', 'editor', 'editor', 'editor', 'series-manager', 'series-manager', 'reviewer', 'reviewer', 'reviewer'] as const;
const STATUSES = ['approved', 'pending', 'spam', 'trash'] as const;

function dump(db: DB) {
  return {
    series: db.prepare('SELECT id, slug, title, deleted_at FROM series ORDER BY id').all(),
    posts: db.prepare('SELECT id, title, standfirst, planned_date, deadline, deleted_at FROM posts ORDER BY id').all(),
    comments: db.prepare('SELECT post_id, source, source_id, status FROM comments ORDER BY post_id, source, source_id').all(),
  };
}

/** What one laptop last wrote to a field: `<register key>` → value. */
type Writes = Map<string, string | null>;

/** A register's value in a dump (undefined for a row the dump does not hold). */
function value(d: ReturnType<typeof dump>, key: string): unknown {
  const [row, field] = key.split('|');
  if (row.startsWith('post:')) return (d.posts.find((p) => (p as { id: string }).id === row.slice(5)) as Record<string, unknown> | undefined)?.[field];
  const sourceId = row.slice(row.lastIndexOf(':') + 1);
  return (d.comments.find((c) => (c as { source_id: string }).source_id === sourceId) as Record<string, unknown> | undefined)?.[field];
}

function offlineDay(l: Laptop, role: (typeof ROLES)[number], rand: () => number, writes: Writes, created: string[]): void {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const posts = () => l.db.prepare('SELECT id FROM posts WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
  const edits = role === 'admin' || role === 'editor';
  const plans = role === 'admin' || role === 'series-manager';
  const moderates = role === 'admin' || role === 'reviewer';
  for (let step = 0; step < 12; step++) {
    const r = rand();
    const id = pick(posts());
    const rev = () => getPost(l.db, { id }).revision;
    if (edits && r < 0.2) {
      const title = `${l.name} title ${step}`;
      updatePost(l.db, { id, baseRevision: rev(), title });
      writes.set(`post:${id}|title`, title);
    } else if (edits && r < 0.35) {
      const standfirst = `${l.name} standfirst ${step}`;
      updatePost(l.db, { id, baseRevision: rev(), standfirst });
      writes.set(`post:${id}|standfirst`, standfirst);
    } else if (edits && r < 0.45) {
      created.push(createPost(l.db, { title: `${l.name} draft ${step}` }).id);
    } else if (edits && r < 0.5) {
      writes.set(`post:${id}|deleted_at`, trashPost(l.db, id).deletedAt);
      if (rand() < 0.5) {
        restorePost(l.db, id);
        writes.set(`post:${id}|deleted_at`, null);
      }
    } else if (plans && r < 0.7) {
      const day = `2027-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 10)}`;
      const current = l.db.prepare('SELECT planned_date, deadline FROM posts WHERE id = ?').get(id) as { planned_date: string | null; deadline: string | null };
      if (current.planned_date === day || current.deadline === day) continue;
      if (rand() < 0.5) {
        updatePost(l.db, { id, baseRevision: rev(), plannedDate: day });
        writes.set(`post:${id}|planned_date`, day);
      } else {
        updatePost(l.db, { id, baseRevision: rev(), deadline: day });
        writes.set(`post:${id}|deadline`, day);
      }
    } else if (plans && r < 0.75) {
      created.push(createSeries(l.db, { title: `${l.name} series ${step}` }, '2026-12-07').id);
    } else if (moderates) {
      const c = pick(l.db.prepare('SELECT id, revision, source, source_id, status FROM comments ORDER BY source_id').all() as Array<{ id: string; revision: number; source: string; source_id: string; status: string }>);
      // A status it already has changes nothing and decides nothing.
      const status = pick(STATUSES.filter((s) => s !== c.status));
      setStatus(l.db, [{ id: c.id, revision: c.revision }], status);
      writes.set(`comment:${c.source}:${c.source_id}|status`, status);
    }
  }
}

describe('ten laptops', { timeout: 600_000 }, () => {
  it('each works a seeded random day offline, they reconnect in random order, and all hold the same workspace', async () => {
    const rand = seededRandom(SEED);
    const data = kit.dir();
    const server = await kit.server(data);
    const tokens = invite(data, ...ROLES.map((role, i) => [`Member ${i} (${role})`, role] as [string, string]));
    const laptops = ROLES.map((_, i) => kit.laptop(`l${i}`));
    const [first] = laptops;
    for (let i = 0; i < 6; i++) {
      const post = createPost(first.db, { title: `Shared post ${i}` });
      for (let j = 0; j < 3; j++) insertRawComment(first.db, { id: uuidv7(), postId: post.id, sourceId: `p${i}c${j}`, status: 'pending' });
    }
    const sync = (l: Laptop) => syncWorkspace(l.db, kit.vault(), 120_000);
    for (const [i, l] of laptops.entries()) {
      await joinWorkspace(l.db, kit.vault(), { url: server.url, token: tokens[i] });
      await sync(l);
    }
    for (const l of laptops.slice(0, 5)) await sync(l);

    server.child.kill('SIGKILL');
    await server.exited;
    const before = dump(first.db);
    const writes = laptops.map(() => new Map() as Writes);
    const created: string[] = [];
    for (const [i, l] of laptops.entries()) offlineDay(l, ROLES[i], rand, writes[i], created);

    await kit.server(data, server.port);
    const order = laptops.map((l) => ({ l, k: rand() })).sort((x, y) => x.k - y.k).map((x) => x.l);
    for (const l of [...order, ...order]) await sync(l);

    const reference = dump(first.db);
    for (const l of laptops) expect(dump(l.db), l.name).toEqual(reference);
    // Everything created offline is everywhere.
    const ids = new Set([...reference.posts, ...reference.series].map((r) => (r as { id: string }).id));
    for (const id of created) expect(ids.has(id), id).toBe(true);

    // A field one laptop alone changed holds its value; a field several changed differently is a conflict.
    const byKey = new Map<string, Set<string | null>>();
    const writers = new Map<string, number>();
    for (const w of writes) {
      for (const [k, v] of w) {
        // Offline changes to one row are sent as its final state: a field put back as it was is no change.
        if (value(before, k) === v) continue;
        byKey.set(k, (byKey.get(k) ?? new Set()).add(v));
        writers.set(k, (writers.get(k) ?? 0) + 1);
      }
    }
    const session = openSession(first.db, kit.vault());
    const conflicts = session.conflicts();
    session.close();
    const conflictKeys = new Set(conflicts.map((c) => c.key));
    for (const [key, values] of byKey) {
      if (writers.get(key) === 1) expect(value(reference, key), key).toBe([...values][0]);
      else if (values.size > 1 && !key.endsWith('|standfirst')) expect(conflictKeys.has(key), `${key} written differently by several is listed`).toBe(true);
    }
    // Listed once each, and the same list on every laptop.
    expect(new Set(conflicts.map((c) => c.id)).size).toBe(conflicts.length);
    const ids0 = conflicts.map((c) => c.id).sort();
    for (const l of laptops.slice(1)) {
      const s = openSession(l.db, kit.vault());
      expect(s.conflicts().map((c) => c.id).sort(), l.name).toEqual(ids0);
      s.close();
    }
    expect(conflicts.length).toBeGreaterThan(0);
  });
});
