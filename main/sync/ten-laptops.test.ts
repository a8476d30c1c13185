/**
 * Ten laptops, every role, a seeded random offline day each: titles, standfirsts, planned dates
 * and deadlines, new drafts and series, deletes and restores, series moves and inserts, post
 * status changes and owners, the same WXR file's comments imported on several laptops, comment moderation.
 * The server is down meanwhile; they reconnect in a seeded random order. Afterwards every store's
 * canonical dump of every shared table is identical, the running order is a permutation (no post
 * lost or duplicated), the imported comments are there once, every change that no one else
 * touched is there as its author left it, and every disagreement is listed once, under the same
 * id, on every laptop.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPost, getPost, restorePost, trashPost, updatePost } from '../../db/repos/posts';
import { createSeries } from '../../db/repos/series';
import { assignPost } from '../../db/repos/planning';
import { addPostToSeries, movePostInSeries, setPostStatus } from '../../db/repos/series-posts';
import { openDatabase } from '../../db/connection';
import { runImport } from '../importers/pipeline';
import { SAMPLES } from '../importers/testing';
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
const WORKFLOW = ['idea', 'commissioned', 'drafting', 'in-review', 'scheduled', 'published'] as const;
const TODAY = '2026-12-07';
/** Thirteen comments on two posts, matched by their slugs to posts already shared (a reviewer may not make posts). */
const WXR = path.join(SAMPLES, 'wxr-moderation.xml');
const WXR_POSTS = [['Running a clinical trial', 'running-a-clinical-trial'], ['What patients told us', 'what-patients-told-us']] as const;
const WXR_COMMENTS = 13;

/** Every shared table, without what stays per laptop (local ids of comments and links, revisions, times). */
function dump(db: DB) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    authors: all('SELECT id, name, role, organisation, bio, email, url, deleted_at FROM authors ORDER BY id'),
    series: all('SELECT id, slug, title, description, topic, cadence, notice_template, workflow, deleted_at FROM series ORDER BY id'),
    // The order travels as keys; a live post's number is derived from them alike everywhere, a trashed post's is what this laptop last had.
    posts: all(
      'SELECT id, slug, title, standfirst, label, body, tags, status, series_id, CASE WHEN deleted_at IS NULL THEN position END AS position, planned_date, deadline, owner_id, reviewer_id, deleted_at FROM posts ORDER BY id',
    ),
    comments: all('SELECT post_id, source, source_id, parent_source_id, author_name, body_text, status, deleted_at FROM comments ORDER BY post_id, source, source_id'),
    bylines: all('SELECT post_id, author_id, position, deleted_at FROM post_authors ORDER BY post_id, author_id'),
    assets: all('SELECT id, post_id, file_name, sha256, size, deleted_at FROM assets ORDER BY id'),
    tags: all('SELECT id, name, color, deleted_at FROM tags ORDER BY id'),
    rules: all('SELECT id, kind, params, enabled, deleted_at FROM moderation_rules ORDER BY id'),
    annotations: all('SELECT a.id, c.source_id, a.start, a."end", a.tag_id, a.note, a.deleted_at FROM annotations a JOIN comments c ON c.id = a.comment_id ORDER BY a.id'),
    replies: all('SELECT r.id, c.source_id, r.body_text, r.status, r.deleted_at FROM reply_drafts r JOIN comments c ON c.id = r.comment_id ORDER BY r.id'),
  };
}

/** What one laptop last wrote to a field: `<register key>` → value. */
type Writes = Map<string, string | null>;

/** A register's value in a dump (undefined for a row the dump does not hold). */
function value(d: ReturnType<typeof dump>, key: string): unknown {
  const [row, field] = key.split('|');
  if (row.startsWith('post:')) return ((d.posts as Array<{ id: string }>).find((p) => (p as { id: string }).id === row.slice(5)) as Record<string, unknown> | undefined)?.[field];
  const sourceId = row.slice(row.lastIndexOf(':') + 1);
  return (d.comments.find((c) => (c as { source_id: string }).source_id === sourceId) as Record<string, unknown> | undefined)?.[field];
}

/** What a laptop did to the running order and imports, for the checks afterwards. */
interface Day {
  writes: Writes;
  created: string[];
  imported: boolean;
}

async function offlineDay(l: Laptop, role: (typeof ROLES)[number], rand: () => number, day: Day, seriesId: string): Promise<void> {
  const { writes, created } = day;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const posts = () => l.db.prepare('SELECT id FROM posts WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
  const inSeries = () => l.db.prepare('SELECT id FROM posts WHERE series_id = ? AND deleted_at IS NULL ORDER BY position').pluck().all(seriesId) as string[];
  const edits = role === 'admin' || role === 'editor';
  const plans = role === 'admin' || role === 'series-manager';
  const moderates = role === 'admin' || role === 'reviewer';
  const actions = [
    ...(edits ? (['title', 'title', 'standfirst', 'draft', 'trash'] as const) : []),
    ...(plans ? (['date', 'date', 'move', 'move', 'insert', 'status', 'status', 'owner', 'series'] as const) : []),
    ...(moderates ? (['moderate', 'moderate', 'moderate', 'import'] as const) : []),
  ];
  for (let step = 0; step < 12; step++) {
    const action = pick(actions);
    const id = pick(posts());
    const rev = () => getPost(l.db, { id }).revision;
    if (action === 'title') {
      const title = `${l.name} title ${step}`;
      updatePost(l.db, { id, baseRevision: rev(), title });
      writes.set(`post:${id}|title`, title);
    } else if (action === 'standfirst') {
      const standfirst = `${l.name} standfirst ${step}`;
      updatePost(l.db, { id, baseRevision: rev(), standfirst });
      writes.set(`post:${id}|standfirst`, standfirst);
    } else if (action === 'draft') {
      created.push(createPost(l.db, { title: `${l.name} draft ${step}` }).id);
    } else if (action === 'trash') {
      writes.set(`post:${id}|deleted_at`, trashPost(l.db, id).deletedAt);
      if (rand() < 0.5) {
        restorePost(l.db, id);
        writes.set(`post:${id}|deleted_at`, null);
      }
    } else if (action === 'date') {
      const date = `2027-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 10)}`;
      const current = l.db.prepare('SELECT planned_date, deadline FROM posts WHERE id = ?').get(id) as { planned_date: string | null; deadline: string | null };
      if (current.planned_date === date || current.deadline === date) continue;
      if (rand() < 0.5) {
        updatePost(l.db, { id, baseRevision: rev(), plannedDate: date });
        writes.set(`post:${id}|planned_date`, date);
      } else {
        updatePost(l.db, { id, baseRevision: rev(), deadline: date });
        writes.set(`post:${id}|deadline`, date);
      }
    } else if (action === 'move') {
      const order = inSeries();
      if (order.length > 1) movePostInSeries(l.db, pick(order), 1 + Math.floor(rand() * order.length), TODAY);
    } else if (action === 'insert') {
      const position = 1 + Math.floor(rand() * (inSeries().length + 1));
      const loose = l.db.prepare('SELECT id FROM posts WHERE series_id IS NULL AND deleted_at IS NULL ORDER BY id').pluck().all() as string[];
      // A series manager places a draft that exists; an admin may also write a new one into the series.
      if (role === 'admin' && (loose.length === 0 || rand() < 0.5)) {
        const title = `${l.name} inserted ${step}`;
        addPostToSeries(l.db, { seriesId, title, position }, TODAY);
        created.push(l.db.prepare('SELECT id FROM posts WHERE title = ?').pluck().get(title) as string);
      } else if (loose.length > 0) addPostToSeries(l.db, { seriesId, postId: pick(loose), position }, TODAY);
    } else if (action === 'status') {
      const post = pick(inSeries());
      const current = l.db.prepare('SELECT status FROM posts WHERE id = ?').pluck().get(post) as string;
      const status = pick(WORKFLOW.filter((w) => w !== current));
      setPostStatus(l.db, post, status, TODAY);
      writes.set(`post:${post}|status`, status);
    } else if (action === 'owner') {
      // An owner is a member (the same person id on every laptop); two different picks made apart are a conflict.
      const members = l.db.prepare('SELECT id FROM people WHERE member_role IS NOT NULL ORDER BY id').pluck().all() as string[];
      const owner = pick(members);
      assignPost(l.db, { postId: id, ownerId: owner }, TODAY);
      writes.set(`post:${id}|owner_id`, owner);
    } else if (action === 'series') {
      created.push(createSeries(l.db, { title: `${l.name} series ${step}` }, TODAY).id);
    } else if (action === 'import') {
      if (day.imported) continue;
      // Without the rules: what they decide depends on each laptop's moderation so far.
      const summary = await runImport({ filePath: WXR, format: 'wxr' }, { openDb: () => openDatabase(l.file), reader: 'inline', rules: false });
      expect(summary.comments.imported, `${l.name} imports the file's comments`).toBe(WXR_COMMENTS);
      day.imported = true;
      // Each importer sets every comment's status from the file: made apart, a later moderation of one
      // of them on one laptop and the file's status on another are two decisions, shown as a conflict.
      const statuses = l.db.prepare("SELECT source, source_id, status FROM comments WHERE source = 'wxr'").all() as Array<{ source: string; source_id: string; status: string }>;
      for (const c of statuses) writes.set(`comment:${c.source}:${c.source_id}|status`, c.status);
    } else if (action === 'moderate') {
      const c = pick(l.db.prepare('SELECT id, revision, source, source_id, status FROM comments ORDER BY source_id').all() as Array<{ id: string; revision: number; source: string; source_id: string; status: string }>);
      // A status it already has changes nothing and decides nothing.
      const status = pick(STATUSES.filter((st) => st !== c.status));
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
    // A series of four, for moves, inserts (of the loose drafts) and status changes.
    const series = createSeries(first.db, { title: 'Care at home' }, TODAY);
    for (let i = 0; i < 4; i++) addPostToSeries(first.db, { seriesId: series.id, title: `In the series ${i}` }, TODAY);
    // The posts the WXR file's comments belong to, already shared when reviewers import the file apart.
    const wxrPosts = WXR_POSTS.map(([title, slug]) => createPost(first.db, { title, slug }).id);
    const sync = (l: Laptop) => syncWorkspace(l.db, kit.vault(), 120_000);
    for (const [i, l] of laptops.entries()) {
      await joinWorkspace(l.db, kit.vault(), { url: server.url, token: tokens[i] });
      await sync(l);
    }
    for (const l of laptops.slice(0, 5)) await sync(l);

    server.child.kill('SIGKILL');
    await server.exited;
    const before = dump(first.db);
    const created: string[] = [];
    const days: Day[] = laptops.map(() => ({ writes: new Map(), created, imported: false }));
    const writes = days.map((d) => d.writes);
    for (const [i, l] of laptops.entries()) await offlineDay(l, ROLES[i], rand, days[i], series.id);
    const seriesBefore = (before.posts as Array<{ id: string; series_id: string | null }>).filter((p) => p.series_id === series.id).map((p) => p.id);

    await kit.server(data, server.port);
    const order = laptops.map((l) => ({ l, k: rand() })).sort((x, y) => x.k - y.k).map((x) => x.l);
    for (const l of [...order, ...order]) await sync(l);

    const reference = dump(first.db);
    for (const l of laptops) expect(dump(l.db), l.name).toEqual(reference);
    // The day had each kind of change in it.
    expect(days.filter((d) => d.imported).length, 'laptops that imported the file').toBeGreaterThan(1);
    for (const kind of ['|status', '|title', '|planned_date', '|owner_id']) expect([...writes.flatMap((w) => [...w.keys()])].some((k) => k.startsWith('post:') && k.endsWith(kind)), kind).toBe(true);

    // The running order is a permutation: every live post of the series once, numbered 1..n, none lost.
    const live = (reference.posts as Array<{ id: string; series_id: string | null; position: number | null; deleted_at: string | null }>).filter((p) => p.deleted_at === null);
    for (const sid of new Set(live.map((p) => p.series_id).filter((x): x is string => x !== null))) {
      const positions = live.filter((p) => p.series_id === sid).map((p) => p.position).sort((x, y) => x! - y!);
      expect(positions, `positions in series ${sid}`).toEqual(positions.map((_, i) => i + 1));
    }
    for (const id of seriesBefore) {
      const p = live.find((x) => x.id === id);
      if (p) expect(p.series_id, `${id} is still in the series`).toBe(series.id);
    }
    expect(live.filter((p) => p.series_id === series.id).length).toBeGreaterThanOrEqual(seriesBefore.filter((id) => live.some((p) => p.id === id)).length);

    // The same file imported on several laptops is one set of comments.
    const imported = (reference.comments as Array<{ post_id: string; source: string; source_id: string }>).filter((c) => wxrPosts.includes(c.post_id));
    expect(imported).toHaveLength(WXR_COMMENTS);
    expect(new Set(imported.map((c) => `${c.source}:${c.source_id}`)).size).toBe(WXR_COMMENTS);
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
