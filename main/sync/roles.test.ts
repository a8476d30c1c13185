/**
 * Every role × every kind of shared data, from laptops through a real team server process. Each
 * role's laptop makes one change of every kind on rows of its own; then, per kind:
 * - allowed: it reaches another laptop;
 * - forbidden: it is listed as refused on the sender with the reason, the sender keeps its value,
 *   it never reaches anyone; forced into the documents past the laptop's own check, the server
 *   refuses it (it stays unsynced on the sender and nobody else gets it); discarding it clears
 *   the list and puts the team's value back.
 * The expected roles are written out from issue 13's rules, not read from the code under test.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../common/sync/documents';
import type { DB } from '../../db/connection';
import { createPost, getPost, updatePost } from '../../db/repos/posts';
import { createSeries, updateSeries } from '../../db/repos/series';
import { movePostInSeries } from '../../db/repos/series-posts';
import { createAuthor, setPostAuthors, updateAuthor } from '../../db/repos/authors';
import { saveAsset } from '../../db/repos/assets';
import { setStatus } from '../../db/repos/comment-review';
import { createAnnotation } from '../../db/repos/annotations';
import { createTag } from '../../db/repos/tags';
import { saveReply } from '../../db/repos/replies';
import { addRule } from '../../db/repos/moderation-rules';
import { insertRawComment } from '../../db/testing/raw-rows';
import { uuidv7 } from '../../common/ids';
import { LOCAL } from './local-docs';
import { writeRegister, type Value } from './registers';
import { specFor, type Row } from './shared-rows';
import { invite } from './testing/team-server-process';
import { useSyncTestKit, type Laptop } from './testing/laptops';
import { discardRefused, joinWorkspace, listRefused, openSession, syncWorkspace } from './workspace';

const kit = useSyncTestKit();
const TODAY = '2026-12-06';
const sync = (l: Laptop) => syncWorkspace(l.db, kit.vault(), 90_000);
const ROLES: Role[] = ['editor', 'series-manager', 'reviewer', 'admin'];

/** What the observer (an admin) seeds for each role: a series of three posts, a comment, an author. */
interface Seed {
  series: string;
  posts: [string, string, string];
  comment: string;
  author: string;
  made: Record<string, string>;
}

const commentOn = (db: DB, seed: Seed) => db.prepare('SELECT id, revision FROM comments WHERE source_id = ?').get(seed.comment) as { id: string; revision: number };
const png = (n: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.createHash('sha256').update(String(n)).digest()]);

interface Kind {
  kind: string;
  table: string;
  /** The column the change is listed under when refused; any of the table's, if absent. */
  field?: string;
  /** The roles besides admin that may make it (issue 13, item 2). */
  writers: Role[];
  change(db: DB, seed: Seed, role: Role): void;
  /** Whether the change is in this store. */
  holds(db: DB, seed: Seed, role: Role): boolean;
}

const KINDS: Kind[] = [
  {
    kind: 'post text',
    table: 'posts',
    field: 'title',
    writers: ['editor'],
    change: (db, s, r) => void updatePost(db, { id: s.posts[0], baseRevision: getPost(db, { id: s.posts[0] }).revision, title: `Retitled by ${r}` }),
    holds: (db, s, r) => getPost(db, { id: s.posts[0] }).title === `Retitled by ${r}`,
  },
  {
    kind: 'planned date',
    table: 'posts',
    field: 'planned_date',
    writers: ['series-manager'],
    change: (db, s) => void updatePost(db, { id: s.posts[1], baseRevision: getPost(db, { id: s.posts[1] }).revision, plannedDate: '2027-02-01' }),
    holds: (db, s) => db.prepare('SELECT planned_date FROM posts WHERE id = ?').pluck().get(s.posts[1]) === '2027-02-01',
  },
  {
    kind: 'running order',
    table: 'posts',
    field: 'rank',
    writers: ['series-manager'],
    change: (db, s) => void movePostInSeries(db, s.posts[2], 1, TODAY),
    holds: (db, s) => db.prepare('SELECT id FROM posts WHERE series_id = ? ORDER BY position LIMIT 1').pluck().get(s.series) === s.posts[2],
  },
  {
    kind: 'series',
    table: 'series',
    field: 'title',
    writers: ['series-manager'],
    change: (db, s, r) => void updateSeries(db, { id: s.series, title: `Series of ${r}` }, TODAY),
    holds: (db, s, r) => db.prepare('SELECT title FROM series WHERE id = ?').pluck().get(s.series) === `Series of ${r}`,
  },
  {
    kind: 'author',
    table: 'authors',
    field: 'bio',
    writers: ['editor', 'series-manager'],
    change: (db, s, r) => void updateAuthor(db, s.author, { bio: `Bio by ${r}` }),
    holds: (db, s, r) => db.prepare('SELECT bio FROM authors WHERE id = ?').pluck().get(s.author) === `Bio by ${r}`,
  },
  {
    kind: 'guest authors (commissioning)',
    table: 'post_authors',
    writers: ['editor', 'series-manager'],
    change: (db, s) => setPostAuthors(db, s.posts[0], [s.author]),
    holds: (db, s) => !!db.prepare('SELECT 1 FROM post_authors WHERE post_id = ? AND author_id = ? AND deleted_at IS NULL').get(s.posts[0], s.author),
  },
  {
    kind: 'picture',
    table: 'assets',
    writers: ['editor'],
    change: (db, s, r) => void (s.made.picture = saveAsset(db, { postId: s.posts[1], fileName: `${r}.png`, data: png(ROLES.indexOf(r)) }).id),
    holds: (db, s) => !!db.prepare('SELECT 1 FROM assets WHERE id = ?').get(s.made.picture),
  },
  {
    kind: 'moderation',
    table: 'comments',
    field: 'status',
    writers: ['reviewer'],
    change: (db, s) => void setStatus(db, [commentOn(db, s)], 'spam'),
    holds: (db, s) => db.prepare('SELECT status FROM comments WHERE source_id = ?').pluck().get(s.comment) === 'spam',
  },
  {
    kind: 'annotation',
    table: 'annotations',
    writers: ['reviewer'],
    change: (db, s) => void (s.made.annotation = createAnnotation(db, { commentId: commentOn(db, s).id, start: 0, end: 2, quote: 'hi', note: 'look' }).id),
    holds: (db, s) => !!db.prepare('SELECT 1 FROM annotations WHERE id = ?').get(s.made.annotation),
  },
  {
    kind: 'tag',
    table: 'tags',
    writers: ['reviewer'],
    change: (db, s, r) => void (s.made.tag = createTag(db, { name: `tag of ${r}` }).id),
    holds: (db, s) => !!db.prepare('SELECT 1 FROM tags WHERE id = ?').get(s.made.tag),
  },
  {
    kind: 'reply draft',
    table: 'reply_drafts',
    writers: ['reviewer'],
    change: (db, s) => void (s.made.reply = saveReply(db, { commentId: commentOn(db, s).id, baseRevision: 0, body: '{}', text: 'Thanks', status: 'draft' }).id),
    holds: (db, s) => !!db.prepare('SELECT 1 FROM reply_drafts WHERE id = ?').get(s.made.reply),
  },
  {
    kind: 'moderation rule',
    table: 'moderation_rules',
    writers: ['reviewer'],
    change: (db, s, r) => void (s.made.rule = addRule(db, { kind: 'links', params: { max: 10 + ROLES.indexOf(r) } }).id),
    holds: (db, s) => !!db.prepare('SELECT 1 FROM moderation_rules WHERE id = ?').get(s.made.rule),
  },
];

const allowed = (role: Role, k: Kind) => role === 'admin' || k.writers.includes(role);

/** Writes a laptop's refused changes straight into its documents, past its own check, and connects. */
function forceRefused(l: Laptop) {
  const session = openSession(l.db, kit.vault());
  const refused = l.db.prepare('SELECT tbl, row_id, field, doc, value FROM sync_refused').all() as Array<{ tbl: string; row_id: string; field: string; doc: string; value: Value }>;
  for (const r of refused) {
    const spec = specFor(r.tbl)!;
    const local = l.db.prepare(`SELECT * FROM ${r.tbl} WHERE id = ?`).get(r.row_id) as Row;
    const shared = spec.toShared ? spec.toShared(l.db, local, session.docs)! : local;
    const doc = session.docs.get(r.doc);
    doc.transact(() => writeRegister(doc, `${spec.key(shared)}|${r.field}`, r.value, null), LOCAL);
  }
  session.connect();
  return session;
}

describe('roles, from the laptops', { timeout: 600_000 }, () => {
  it('refuses every forbidden write of every role and kind on the server, lists it on the sender until discarded, and lets the allowed ones through', async () => {
    const data = kit.dir();
    const tokens = invite(data, ['Olga Observer', 'admin'], ...ROLES.map((r): [string, string] => [`${r} member`, r]));
    const server = await kit.server(data);
    const observer = kit.laptop('observer');
    const seeds = new Map<Role, Seed>();
    for (const role of ROLES) {
      const series = createSeries(observer.db, { title: `Plan of ${role}` }, TODAY);
      const posts = [1, 2, 3].map((n) => createPost(observer.db, { title: `${role} post ${n}`, seriesId: series.id }).id) as Seed['posts'];
      const comment = `c-${role}`;
      insertRawComment(observer.db, { id: uuidv7(), postId: posts[0], sourceId: comment, status: 'pending' });
      const author = createAuthor(observer.db, { name: `Guest of ${role}` }).id;
      seeds.set(role, { series: series.id, posts, comment, author, made: {} });
    }
    await joinWorkspace(observer.db, kit.vault(), { url: server.url, token: tokens[0] });
    await sync(observer);

    const laptops = new Map<Role, Laptop>();
    for (const [i, role] of ROLES.entries()) {
      const l = kit.laptop(role);
      await joinWorkspace(l.db, kit.vault(), { url: server.url, token: tokens[i + 1] });
      await sync(l);
      for (const k of KINDS) k.change(l.db, seeds.get(role)!, role);
      expect((await sync(l)).state).toBe('up-to-date');
      laptops.set(role, l);
    }
    await sync(observer);

    const table = ROLES.flatMap((role) => KINDS.map((k) => ({ role, k, seed: seeds.get(role)!, l: laptops.get(role)! })));
    expect(table).toHaveLength(48);
    for (const { role, k, seed, l } of table) {
      const what = `${role} × ${k.kind}`;
      expect(k.holds(l.db, seed, role), `${what}: the sender keeps its change`).toBe(true);
      expect(k.holds(observer.db, seed, role), `${what}: reaches the team only if allowed`).toBe(allowed(role, k));
      const refusedHere = listRefused(l.db).filter((r) => r.table === k.table && (k.field === undefined || r.field === k.field));
      if (allowed(role, k)) expect(refusedHere, `${what}: nothing refused`).toEqual([]);
      else expect(refusedHere.length, `${what}: listed as refused`).toBeGreaterThan(0);
      for (const r of refusedHere) expect(r.reason, what).toMatch(/may not change this \(.+\); only .+ and admins may\.$/);
    }
    // Editors may not make 8 of the 12 kinds, series managers 7, reviewers 7.
    expect(table.filter((t) => !allowed(t.role, t.k))).toHaveLength(22);

    // Past the laptop's own check: a copy of each refused laptop writes its refused changes into the
    // documents and connects; the server takes none of them.
    const forced = [];
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const l = laptops.get(role)!;
      l.db.pragma('wal_checkpoint(TRUNCATE)');
      const copy = kit.laptop(`${role}-copy`);
      copy.db.close();
      fs.copyFileSync(l.file, copy.file);
      copy.restart();
      forced.push(forceRefused(copy));
    }
    await new Promise((r) => setTimeout(r, 5000));
    for (const s of forced) expect(s.state(), `${s.member.name}'s forced changes are still unsynced`).toBe('syncing');
    await sync(observer);
    for (const { role, k, seed } of table) expect(k.holds(observer.db, seed, role), `${role} × ${k.kind} forced`).toBe(allowed(role, k));
    for (const s of forced) s.close();

    // Discarded, the refused changes are gone from the list, and the team's values are back.
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const l = laptops.get(role)!;
      const s = openSession(l.db, kit.vault());
      expect(discardRefused(l.db, s)).toBeGreaterThan(0);
      s.close();
      expect(listRefused(l.db)).toEqual([]);
      for (const k of KINDS.filter((x) => !allowed(role, x) && ['post text', 'planned date', 'series', 'author', 'moderation'].includes(x.kind))) {
        expect(k.holds(l.db, seeds.get(role)!, role), `${role} × ${k.kind} after discard`).toBe(false);
      }
    }
  });
});
