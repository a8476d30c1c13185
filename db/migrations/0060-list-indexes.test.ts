import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m60');

const plan = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('migration 0060 list indexes', () => {
  it('indexes a database holding posts, bylines and comments, leaving every row as it was', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 50 });
    const now = '2026-01-01T00:00:00.000Z';
    const post = '00000000-0000-7000-8000-000000000001';
    const author = '00000000-0000-7000-8000-000000000002';
    insertRawPost(db, post, '["x"]');
    db.prepare("INSERT INTO authors (id, created_at, updated_at, name) VALUES (?, ?, ?, 'Ada')").run(author, now, now);
    db.prepare('INSERT INTO post_authors (id, created_at, updated_at, post_id, author_id, position) VALUES (?, ?, ?, ?, ?, 0)').run(
      '00000000-0000-7000-8000-000000000003', now, now, post, author,
    );
    insertRawComment(db, { id: '00000000-0000-7000-8000-000000000004', postId: post, sourceId: 'c1' });
    insertRawComment(db, { id: '00000000-0000-7000-8000-000000000005', postId: post, sourceId: 'c2', deletedAt: now });
    const before = db.prepare('SELECT * FROM posts').all();

    // This step only: later steps add columns to posts.
    migrate(db, { targetVersion: 60 });

    expect(schemaVersion(db)).toBe(60);
    expect(db.prepare('SELECT * FROM posts').all()).toEqual(before);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['posts_list', 'comments_post_live', 'post_authors_live']));
    // The drafts list reads summaries from the index alone, never a row with its body.
    expect(
      plan(db, 'SELECT id, title, standfirst, status, tags, revision, word_count, planned_date FROM posts WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT 100'),
    ).toContain('COVERING INDEX posts_list');
    const count = 'SELECT post_id, count(*) AS n FROM comments WHERE post_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL GROUP BY post_id';
    expect(plan(db, count, '[]')).toContain('COVERING INDEX comments_post_live');
    expect(db.prepare(count).all(JSON.stringify([post]))).toEqual([{ post_id: post, n: 1 }]);
    expect(plan(db, 'SELECT post_id, author_id FROM post_authors WHERE post_id = ? AND deleted_at IS NULL ORDER BY position', post)).toContain('COVERING INDEX post_authors_live');
    db.close();
  });
});
