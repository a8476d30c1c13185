import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost, RAW_NOW } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m70');

const states = (db: Database.Database) =>
  db.prepare('SELECT c.source_id, s.state FROM comment_states s JOIN comments c ON c.rowid = s.comment_rowid ORDER BY c.source_id').all();

describe('migration 0070 comment states', () => {
  it('records the state of every comment already stored and follows later changes', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 60 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    const insert = (id: string, sourceId: string, status: string, deletedAt: string | null = null) => insertRawComment(db, { id, postId: post, sourceId, status, deletedAt });
    insert('00000000-0000-7000-8000-000000000002', 'c1', 'approved');
    insert('00000000-0000-7000-8000-000000000003', 'c2', 'spam');
    insert('00000000-0000-7000-8000-000000000004', 'c3', 'pending', RAW_NOW);
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
    db.prepare("UPDATE comments SET deleted_at = ? WHERE source_id = 'c2'").run(RAW_NOW);
    db.prepare("UPDATE comments SET deleted_at = NULL WHERE source_id = 'c3'").run();
    insert('00000000-0000-7000-8000-000000000005', 'c4', 'pending');
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
