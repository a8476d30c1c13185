import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m80');

describe('migration 0080 deleted comment states', () => {
  it('indexes the soft-deleted comments already stored, and follows deletes and restores', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 70 });
    const now = '2026-01-01T00:00:00.000Z';
    const post = '00000000-0000-7000-8000-000000000001';
    db.prepare("INSERT INTO posts (id, created_at, updated_at, slug, title, body, tags) VALUES (?, ?, ?, 'p', 'A post', '{}', '[]')").run(post, now, now);
    const insert = db.prepare(
      `INSERT INTO comments (id, created_at, updated_at, deleted_at, post_id, source, source_id, body_html, body_text, status)
       VALUES (?, ?, ?, ?, ?, 'test', ?, '<p>hi</p>', 'hi', 'approved')`,
    );
    insert.run('00000000-0000-7000-8000-000000000002', now, now, null, post, 'c1');
    insert.run('00000000-0000-7000-8000-000000000003', now, now, now, post, 'c2');
    const before = db.prepare('SELECT * FROM comments ORDER BY id').all();

    migrate(db);

    expect(schemaVersion(db)).toBeGreaterThanOrEqual(80);
    expect(db.prepare('SELECT * FROM comments ORDER BY id').all()).toEqual(before);
    const deleted = () =>
      db
        .prepare("SELECT c.source_id FROM comment_states s INDEXED BY comment_states_deleted JOIN comments c ON c.rowid = s.comment_rowid WHERE s.state = 'deleted' ORDER BY 1")
        .pluck()
        .all();
    expect(deleted()).toEqual(['c2']);
    db.prepare("UPDATE comments SET deleted_at = ? WHERE source_id = 'c1'").run(now);
    db.prepare("UPDATE comments SET deleted_at = NULL WHERE source_id = 'c2'").run();
    expect(deleted()).toEqual(['c1']);
    db.close();
  });
});
