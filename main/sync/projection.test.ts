/**
 * The projection on real SQLite files, without a server: documents copied from one laptop to
 * another by their Yjs updates, in an order a server may deliver them.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPost } from '../../db/repos/posts';
import { createAuthor, setPostAuthors } from '../../db/repos/authors';
import { assignPost } from '../../db/repos/planning';
import { applyMembers } from '../../db/repos/people-members';
import { insertRawComment } from '../../db/testing/raw-rows';
import { listRules, setRuleEnabled } from '../../db/repos/moderation-rules';
import { uuidv7 } from '../../common/ids';
import { useSyncTestKit } from './testing/laptops';
import { joinedAs, meet, member } from './testing/offline-members';
import { LocalDocs } from './local-docs';
import { pull, push, queueEverything } from './projection';
import { conflictsIn } from './registers';
import type { DB } from '../../db/connection';

const kit = useSyncTestKit();
const TODAY = '2026-12-07';

describe('projection', () => {
  it('holds back a comment that arrives before its post, and applies it once the post is there', () => {
    const a = kit.laptop('a');
    joinedAs(a.db);
    const post = createPost(a.db, { title: 'Parent first' });
    insertRawComment(a.db, { id: uuidv7(), postId: post.id, sourceId: 'c1', status: 'pending' });
    const aDocs = new LocalDocs(a.db);
    a.db.transaction(() => push(a.db, aDocs, { name: 'Ann', role: 'admin' }))();

    const b = kit.laptop('b');
    joinedAs(b.db);
    const bDocs = new LocalDocs(b.db);
    const copy = (name: string) => Y.applyUpdate(bDocs.get(name), Y.encodeStateAsUpdate(aDocs.get(name)));
    copy(`comments/${post.id}`);
    const early = b.db.transaction(() => pull(b.db, bDocs))();
    expect(early.waiting).toEqual([`comments/${post.id}`]);
    expect(b.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(0);

    copy(`post/${post.id}`);
    copy(`post-plan/${post.id}`);
    const later = b.db.transaction(() => pull(b.db, bDocs))();
    expect(later.waiting).toEqual([]);
    expect(b.db.prepare('SELECT title FROM posts').pluck().all()).toEqual(['Parent first']);
    expect(b.db.prepare('SELECT source_id, status FROM comments').all()).toEqual([{ source_id: 'c1', status: 'pending' }]);
    // Rows written from the team are not queued to be sent back.
    expect(b.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
    aDocs.destroy();
    bDocs.destroy();
  });

  it('indexes the comments it applies for search in bulk: each is found, and the index agrees with the table', () => {
    const a = kit.laptop('a');
    joinedAs(a.db);
    const post = createPost(a.db, { title: 'Indexed' });
    for (let i = 0; i < 30; i++) insertRawComment(a.db, { id: uuidv7(), postId: post.id, sourceId: `c${i}`, status: 'pending' });
    const aDocs = new LocalDocs(a.db);
    a.db.transaction(() => push(a.db, aDocs, { name: 'Ann', role: 'admin' }))();

    const b = kit.laptop('b');
    joinedAs(b.db);
    // A comment of b's own, indexed by its trigger as ever.
    const own = createPost(b.db, { title: 'Mine' });
    insertRawComment(b.db, { id: uuidv7(), postId: own.id, sourceId: 'mine' });
    const bDocs = new LocalDocs(b.db);
    for (const name of [`post/${post.id}`, `post-plan/${post.id}`, `comments/${post.id}`]) Y.applyUpdate(bDocs.get(name), Y.encodeStateAsUpdate(aDocs.get(name)));
    b.db.transaction(() => pull(b.db, bDocs))();
    expect(b.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(31);
    expect(b.db.prepare("SELECT count(*) FROM comments_fts WHERE comments_fts MATCH 'hi'").pluck().get()).toBe(31);
    // FTS5's own check: every row's entries, no more, no fewer (throws when they differ).
    b.db.prepare("INSERT INTO comments_fts (comments_fts, rank) VALUES ('integrity-check', 1)").run();
    expect(b.db.prepare('SELECT applying FROM sync_workspace').pluck().get()).toBe(0);
    aDocs.destroy();
    bDocs.destroy();
  });

  it("makes a post's owner and reviewer decisions: two different picks made apart are one conflict, listed alike on both", () => {
    const a = member(kit.laptop('a'), 'Ann', 'admin');
    const b = member(kit.laptop('b'), 'Sam', 'series-manager');
    const people = [
      { id: uuidv7(), name: 'Ann', email: 'ann@example.org', role: 'admin' as const },
      { id: uuidv7(), name: 'Sam', email: 'sam@example.org', role: 'series-manager' as const },
      { id: uuidv7(), name: 'Ed', email: 'ed@example.org', role: 'editor' as const },
    ];
    applyMembers(a.l.db, people, people[0].id);
    applyMembers(b.l.db, people, people[1].id);
    const post = createPost(a.l.db, { title: 'Nursing at home' });
    meet(a, b);
    assignPost(a.l.db, { postId: post.id, ownerId: people[0].id, reviewerId: people[2].id }, TODAY);
    assignPost(b.l.db, { postId: post.id, ownerId: people[1].id, reviewerId: people[2].id }, TODAY);
    meet(a, b);
    const plan = `post-plan/${post.id}`;
    const onA = conflictsIn(plan, a.docs.get(plan));
    expect(onA.map((c) => [c.key, c.base, c.choices.map((ch) => ch.value).sort()])).toEqual([[`post:${post.id}|owner_id`, null, [people[0].id, people[1].id].sort()]]);
    expect(conflictsIn(plan, b.docs.get(plan)).map((c) => c.id)).toEqual(onA.map((c) => c.id));
    // The same reviewer picked on both is agreement, not a conflict.
    expect(a.l.db.prepare('SELECT reviewer_id FROM posts WHERE id = ?').pluck().get(post.id)).toBe(people[2].id);
  });

  it('sends a link row deleted outright (a guest author taken off a post) as a removal', () => {
    const a = member(kit.laptop('a'), 'Ann', 'admin');
    const b = member(kit.laptop('b'), 'Ed', 'editor');
    const post = createPost(a.l.db, { title: 'Nursing at home' });
    const ada = createAuthor(a.l.db, { name: 'Dr Ada Guest' });
    const bo = createAuthor(a.l.db, { name: 'Bo Writer' });
    setPostAuthors(a.l.db, post.id, [ada.id, bo.id]);
    insertRawComment(a.l.db, { id: uuidv7(), postId: post.id, sourceId: 'c1', status: 'pending' });
    meet(a, b);
    const byline = (db: DB) => db.prepare('SELECT author_id FROM post_authors WHERE post_id = ? AND deleted_at IS NULL ORDER BY position').pluck().all(post.id);
    expect(byline(b.l.db)).toEqual([ada.id, bo.id]);

    // Ed's laptop (its own local id for the link would do as well) drops Bo's byline row outright.
    b.l.db.prepare('DELETE FROM post_authors WHERE post_id = ? AND author_id = ?').run(post.id, bo.id);
    meet(a, b);
    expect(byline(a.l.db)).toEqual([ada.id]);
    expect(byline(b.l.db)).toEqual([ada.id]);
  });

  it("lets the team's starter rules win over those of a member who may not write rules, without a refusal left listed", () => {
    // The editor's store is made first, so its starter rules have the lower ids.
    const b = member(kit.laptop('b'), 'Ed', 'editor');
    const a = member(kit.laptop('a'), 'Ann', 'admin');
    const rules = (db: DB) => db.prepare('SELECT id, kind, params FROM moderation_rules ORDER BY kind').all();
    const before = rules(b.l.db) as Array<{ id: string }>;
    expect(before.map((r) => r.id) < (rules(a.l.db) as Array<{ id: string }>).map((r) => r.id)).toBe(true);
    a.l.db.transaction(() => queueEverything(a.l.db))();
    b.l.db.transaction(() => queueEverything(b.l.db))();
    meet(a, b);
    meet(a, b);
    expect(rules(b.l.db)).toEqual(rules(a.l.db));
    expect(b.l.db.prepare('SELECT tbl, field FROM sync_refused').all()).toEqual([]);
    expect(a.l.db.prepare('SELECT count(*) FROM moderation_rules').pluck().get()).toBe(3);
  });

  it("lists no refusal for the starter rules of a member who may not write rules (the store made them), but does for a rule the member changed", () => {
    const g = member(kit.laptop('g'), 'Gus', 'guest-author');
    g.l.db.transaction(() => queueEverything(g.l.db))();
    g.push();
    const refused = () => g.l.db.prepare("SELECT DISTINCT row_id FROM sync_refused WHERE tbl = 'moderation_rules'").pluck().all();
    expect(refused()).toEqual([]);
    // Turned off here, a starter rule is the member's change: the team refuses it, and the list says so.
    const [first] = listRules(g.l.db);
    setRuleEnabled(g.l.db, first.id, false);
    g.push();
    expect(refused()).toEqual([first.id]);
  });
});
