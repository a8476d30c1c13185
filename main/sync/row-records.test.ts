/**
 * Comments as frozen records (row-records.ts) on real SQLite files, without a server: documents
 * copied between laptops by their Yjs updates.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPost } from '../../db/repos/posts';
import { insertRawComment } from '../../db/testing/raw-rows';
import { uuidv7 } from '../../common/ids';
import type { DB } from '../../db/connection';
import { useSyncTestKit } from './testing/laptops';
import { LocalDocs } from './local-docs';
import { pull, push } from './projection';
import { conflictsIn, decisionLog, registers } from './registers';
import { rowRecords } from './row-records';

const kit = useSyncTestKit();
const joined = (db: DB) =>
  db.prepare("INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at) VALUES (1, 'ws://x', 'm', 'Ann', 'admin', x'00', '2026-01-01')").run();
const pushAll = (db: DB, docs: LocalDocs, name = 'Ann') => db.transaction(() => push(db, docs, { name, role: 'admin' }))();
const pullAll = (db: DB, docs: LocalDocs) => db.transaction(() => pull(db, docs))();
const copyDoc = (from: LocalDocs, to: LocalDocs, name: string) => Y.applyUpdate(to.get(name), Y.encodeStateAsUpdate(from.get(name)));

function laptopWithPost(name: string, postId?: string) {
  const l = kit.laptop(name);
  joined(l.db);
  const post = postId ? { id: postId } : createPost(l.db, { title: 'With comments' });
  return { ...l, post, docs: new LocalDocs(l.db) };
}

describe('comments as frozen records', () => {
  it('writes 300 imported comments as 300 records in one stored update, no register or log entry, and a new member gets them all', () => {
    const a = laptopWithPost('a');
    for (let i = 0; i < 300; i++) insertRawComment(a.db, { id: uuidv7(), postId: a.post.id, sourceId: `c${i}`, status: i % 2 ? 'approved' : 'pending' });
    pushAll(a.db, a.docs);
    const doc = a.docs.get(`comments/${a.post.id}`);
    expect(rowRecords(doc).length).toBe(300);
    expect(registers(doc).size).toBe(0);
    expect(decisionLog(doc).length).toBe(0);
    expect(a.db.prepare('SELECT count(*) FROM sync_doc_updates WHERE doc = ?').pluck().get(`comments/${a.post.id}`)).toBe(1);

    const b = laptopWithPost('b', a.post.id);
    for (const kind of ['post', 'post-plan', 'comments']) copyDoc(a.docs, b.docs, `${kind}/${a.post.id}`);
    pullAll(b.db, b.docs);
    expect(b.db.prepare("SELECT count(*) FROM comments WHERE status = 'approved'").pluck().get()).toBe(150);
    expect(b.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(300);
    a.docs.destroy();
    b.docs.destroy();
  });

  it('sends a later change as a register over the record, logged with the record as its parent, and no conflict', () => {
    const a = laptopWithPost('a');
    const id = uuidv7();
    insertRawComment(a.db, { id, postId: a.post.id, sourceId: 'c1', status: 'pending' });
    pushAll(a.db, a.docs);
    a.db.prepare("UPDATE comments SET status = 'approved', author_name = 'Corrected' WHERE id = ?").run(id);
    pushAll(a.db, a.docs);
    const name = `comments/${a.post.id}`;
    const doc = a.docs.get(name);
    expect([...registers(doc).keys()].sort()).toEqual(['comment:test:c1|author_name', 'comment:test:c1|status']);
    expect(decisionLog(doc).get(0).parent).toMatch(/\/status$/);
    expect(conflictsIn(name, doc)).toEqual([]);

    const b = laptopWithPost('b', a.post.id);
    for (const kind of ['post', 'post-plan', 'comments']) copyDoc(a.docs, b.docs, `${kind}/${a.post.id}`);
    pullAll(b.db, b.docs);
    expect(b.db.prepare('SELECT status, author_name FROM comments').get()).toEqual({ status: 'approved', author_name: 'Corrected' });
    a.docs.destroy();
    b.docs.destroy();
  });

  it('holds one comment imported on two laptops with different statuses once, and lists the disagreement once under one id on both', () => {
    const a = laptopWithPost('a');
    const b = laptopWithPost('b', a.post.id);
    for (const kind of ['post', 'post-plan']) copyDoc(a.docs, b.docs, `${kind}/${a.post.id}`);
    pushAll(a.db, a.docs);
    for (const kind of ['post', 'post-plan']) copyDoc(a.docs, b.docs, `${kind}/${a.post.id}`);
    pullAll(b.db, b.docs);
    insertRawComment(a.db, { id: uuidv7(), postId: a.post.id, sourceId: 'same', status: 'approved' });
    insertRawComment(b.db, { id: uuidv7(), postId: a.post.id, sourceId: 'same', status: 'spam' });
    pushAll(a.db, a.docs, 'Ann');
    pushAll(b.db, b.docs, 'Bob');
    const name = `comments/${a.post.id}`;
    copyDoc(a.docs, b.docs, name);
    copyDoc(b.docs, a.docs, name);
    pullAll(a.db, a.docs);
    pullAll(b.db, b.docs);
    expect(a.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(1);
    expect(b.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(1);
    const [onA, onB] = [conflictsIn(name, a.docs.get(name)), conflictsIn(name, b.docs.get(name))];
    expect(onA).toHaveLength(1);
    expect(onB).toEqual(onA);
    expect(onA[0].key).toBe('comment:test:same|status');
    expect(onA[0].choices.map((c) => `${c.by}:${c.value}`).sort()).toEqual(['Ann:approved', 'Bob:spam']);
    expect(a.db.prepare('SELECT status FROM comments').pluck().get()).toBe(b.db.prepare('SELECT status FROM comments').pluck().get());
    a.docs.destroy();
    b.docs.destroy();
  });
});
