import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m70');

const states = (db: Database.Database) =>
  db.prepare('SELECT c.source_id, s.state FROM comment_states s JOIN comments c ON c.rowid = s.comment_rowid ORDER BY c.source_id').all();

describe('migration 0070 comment states', () => {
  it('records the state of every comment already stored and follows later changes', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 60 });
    const now = '2026-01-01T00:00:00.000Z';
    const post = '00000000-0000-7000-8000-000000000001';
    db.prepare("INSERT INTO posts (id, created_at, updated_at, slug, title, body, tags) VALUES (?, ?, ?, 'p', 'A post', '{}', '[]')").run(post, now, now);
    const insert = db.prepare(
      `INSERT INTO comments (id, created_at, updated_at, deleted_at, post_id, source, source_id, body_html, body_text, status)
       VALUES (?, ?, ?, ?, ?, 'test', ?, '<p>hi</p>', 'hi', ?)`,
    );
    insert.run('00000000-0000-7000-8000-000000000002', now, now, null, post, 'c1', 'approved');
    insert.run('00000000-0000-7000-8000-000000000003', now, now, null, post, 'c2', 'spam');
    insert.run('00000000-0000-7000-8000-000000000004', now, now, now, post, 'c3', 'pending');
    const before = db.prepare('SELECT * FROM comments ORDER BY id').all();

    migrate(db);

    expect(schemaVersion(db)).toBeGreaterThanOrEqual(70);
    expect(db.prepare('SELECT * FROM comments ORDER BY id').all()).toEqual(before);
    expect(states(db)).toEqual([
      { source_id: 'c1', state: 'approved' },
      { source_id: 'c2', state: 'spam' },
      { source_id: 'c3', state: 'deleted' },
    ]);

    db.prepare("UPDATE comments SET status = 'trash' WHERE source_id = 'c1'").run();
    db.prepare("UPDATE comments SET deleted_at = ? WHERE source_id = 'c2'").run(now);
    db.prepare("UPDATE comments SET deleted_at = NULL WHERE source_id = 'c3'").run();
    insert.run('00000000-0000-7000-8000-000000000005', now, now, null, post, 'c4', 'pending');
    db.prepare("DELETE FROM comments WHERE source_id = 'c2'").run();
    expect(states(db)).toEqual([
      { source_id: 'c1', state: 'trash' },
      { source_id: 'c3', state: 'pending' },
      { source_id: 'c4', state: 'pending' },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM comment_states').get()).toEqual({ n: 3 });
    db.close();
  });
});
