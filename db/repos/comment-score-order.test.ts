import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../connection';
import { createPost } from './posts';
import { seedComments } from './testing/seed-comments';
import { listComments } from './comment-review';
import type { CommentFilter } from '../../common/api/comments';
import type { CommentStatus } from '../../common/domain';

// The list in spam-score order, defined as one sort of every matching comment: highest score
// first, comments without a score last, newest first among equals (null dates after dated ones).
const ORDER = 'coalesce((SELECT s.score FROM comment_scores s WHERE s.comment_rowid = c.rowid), -1) DESC, c.posted_at DESC, c.id DESC';

let dir: string;
let db: DB;
let postA: string;
let postB: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-score-order-'));
  db = openDatabase(path.join(dir, 'w.sqlite'));
  postA = createPost(db, { title: 'A' }).id;
  postB = createPost(db, { title: 'B' }).id;
  const statuses: CommentStatus[] = ['pending', 'approved', 'spam', 'trash'];
  const ids = seedComments(
    db,
    Array.from({ length: 60 }, (_, i) => ({
      postId: i % 3 ? postA : postB,
      // Repeated dates (ties broken by id) and some without a date.
      postedAt: i % 11 === 0 ? null : `2026-01-${String(1 + (i % 7)).padStart(2, '0')}T09:00:00.000Z`,
      text: `comment ${i}`,
      status: statuses[i % 4],
    })),
  );
  // Two thirds scored, with repeated scores (ties), one soft-deleted scored comment.
  const score = db.prepare("INSERT INTO comment_scores (comment_rowid, score, words, model_id) SELECT rowid, ?, '[]', 'm' FROM comments WHERE id = ?");
  ids.forEach((id, i) => i % 3 !== 2 && score.run([0.9, 0.5, 0.1, 0.5, 0][i % 5], id));
  db.prepare('UPDATE comments SET deleted_at = ? WHERE id = ?').run('2026-02-01T00:00:00.000Z', ids[0]);
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const expected = (where: string, params: unknown[], limit: number, offset: number) =>
  db.prepare(`SELECT c.id FROM comments c WHERE c.deleted_at IS NULL ${where} ORDER BY ${ORDER} LIMIT ? OFFSET ?`).pluck().all(...params, limit, offset);

describe('comments in spam-score order', () => {
  const filters: [string, CommentFilter, string, unknown[]][] = [
    ['everything', {}, '', []],
    ['one post', { postId: 'A' }, 'AND c.post_id = ?', ['A']],
    ['pending and spam', { status: ['pending', 'spam'] }, "AND c.status IN ('pending', 'spam')", []],
    ['a minimum score', { minScore: 0.5 }, 'AND c.rowid IN (SELECT comment_rowid FROM comment_scores WHERE score >= 0.5)', []],
  ];
  it.each(filters)('gives every window of %s exactly as one sort of all of them would', (_, filter, where, params) => {
    const post = (v: unknown) => (v === 'A' ? postA : v);
    const f = filter.postId ? { ...filter, postId: postA } : filter;
    const all = expected(where, params.map(post), 1000, 0);
    expect(all.length).toBeGreaterThan(5);
    for (const [offset, limit] of [[0, 100], [0, 7], [5, 7], [35, 10], [38, 4], [all.length - 3, 10], [all.length + 2, 5]]) {
      const got = listComments(db, { filter: f, order: 'score', offset, limit });
      expect({ offset, limit, ids: got.items.map((i) => i.id) }).toEqual({ offset, limit, ids: expected(where, params.map(post), limit, offset) });
    }
  });
});
