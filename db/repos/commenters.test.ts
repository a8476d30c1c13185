/**
 * Reading a commenter's history, a rules dry run and the commenter filter never write: they answer
 * while another connection holds the write lock (a training storing its scores, an import), and
 * comments not keyed yet (inserted by a tool or a test's SQL) count for their writer all the same.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../connection';
import { createPost } from './posts';
import { seedComments } from './testing/seed-comments';
import { catchUpCommenterKeys, commenterHistory } from './commenters';
import { applyRules } from './rule-apply';
import { listComments } from './comment-review';

const dirs: string[] = [];
const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function store(): { db: DB; file: string; ids: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-commenters-'));
  dirs.push(dir);
  const file = path.join(dir, 'w.sqlite');
  const db = openDatabase(file);
  open.push(db);
  const post = createPost(db, { title: 'P' }).id;
  const ids = seedComments(db, [
    { postId: post, authorName: 'Ann', text: 'First, approved', status: 'approved', postedAt: '2025-01-01T00:00:00.000Z' },
    { postId: post, authorName: 'Ann', text: 'Second, approved', status: 'approved', postedAt: '2025-01-02T00:00:00.000Z' },
    { postId: post, authorName: 'Bob', text: 'Bob here', status: 'approved', postedAt: '2025-01-02T12:00:00.000Z' },
  ]);
  catchUpCommenterKeys(db);
  // Stored after the last catch-up, as a tool's direct insert would be: not keyed.
  ids.push(...seedComments(db, [{ postId: post, authorName: ' ann ', text: 'Third, waiting', status: 'pending', postedAt: '2025-01-03T00:00:00.000Z' }]));
  return { db, file, ids };
}

/** Another connection holding the write lock, as the spam worker does while it stores scores. */
function holdWriteLock(file: string): DB {
  const other = openDatabase(file);
  open.push(other);
  other.prepare('BEGIN IMMEDIATE').run();
  return other;
}

describe('reading commenters', () => {
  it('answers while another connection holds the write lock, counting comments not keyed yet, and writes nothing', () => {
    const { db, file, ids } = store();
    db.pragma('busy_timeout = 200');
    const keysBefore = db.prepare('SELECT count(*) FROM commenter_keys').pluck().get();
    const other = holdWriteLock(file);

    const h = commenterHistory(db, ids[3])!;
    expect(h).toMatchObject({ key: 'n:ann|', basis: 'name', earlier: { approved: 2, total: 2 }, since: '2025-01-01T00:00:00.000Z', all: 3 });
    const theirs = listComments(db, { filter: { commenter: h.key }, order: 'oldest' });
    expect(theirs.items.map((c) => c.id)).toEqual([ids[0], ids[1], ids[3]]);
    // Trusted after two approved: the dry run sees the unkeyed comment's history too.
    const { verdicts } = applyRules(
      db,
      {},
      { dryRun: true, rules: [{ id: 't', enabled: true, spec: { kind: 'trusted', params: { emails: [], names: [], minApproved: 2 } } }] },
    );
    expect(verdicts.map((v) => [v.id, v.status])).toEqual([[ids[3], 'approved']]);

    other.prepare('ROLLBACK').run();
    expect(db.prepare('SELECT count(*) FROM commenter_keys').pluck().get()).toBe(keysBefore);
  });

  it('applying rules (a write) keys what was missing first', () => {
    const { db, ids } = store();
    applyRules(db, {});
    const keyed = db.prepare('SELECT k.author_key FROM commenter_keys k JOIN comments c ON c.rowid = k.comment_rowid WHERE c.id = ?').pluck().get(ids[3]);
    expect(keyed).toBe('n:ann|');
  });
});
