import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m30');

describe('migration 0030 comment review', () => {
  it('keeps existing comments and tags, adds the review indexes and no rows', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 10 });
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO posts (id, created_at, updated_at, slug, body) VALUES ('00000000-0000-7000-8000-000000000001', ?, ?, 'p', '{}')").run(now, now);
    db.prepare(
      `INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, body_text, status, posted_at)
       VALUES ('00000000-0000-7000-8000-000000000002', ?, ?, '00000000-0000-7000-8000-000000000001', 'wxr', '1', 'Hello', 'pending', ?)`,
    ).run(now, now, now);
    db.prepare("INSERT INTO tags (id, created_at, updated_at, name) VALUES ('00000000-0000-7000-8000-000000000003', ?, ?, 'needs reply')").run(now, now);

    migrate(db, { targetVersion: 30 });

    expect(schemaVersion(db)).toBe(30);
    expect(db.prepare('SELECT body_text, status FROM comments').all()).toEqual([{ body_text: 'Hello', status: 'pending' }]);
    expect(db.prepare('SELECT id, name FROM tags').all()).toEqual([{ id: '00000000-0000-7000-8000-000000000003', name: 'needs reply' }]);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['comments_live_posted', 'comments_live_status', 'comments_author_nocase']));
    expect(indexes).not.toContain('comments_status');
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM comments c WHERE c.deleted_at IS NULL AND c.status = 'pending' ORDER BY c.posted_at DESC, c.id DESC LIMIT 10").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('comments_live_status');
    db.close();
  });
});
