import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost, RAW_NOW } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m80');

describe('migration 0080 deleted comment states', () => {
  it('indexes the soft-deleted comments already stored, and follows deletes and restores', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 70 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    insertRawComment(db, { id: '00000000-0000-7000-8000-000000000002', postId: post, sourceId: 'c1' });
    insertRawComment(db, { id: '00000000-0000-7000-8000-000000000003', postId: post, sourceId: 'c2', deletedAt: RAW_NOW });
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
    db.prepare("UPDATE comments SET deleted_at = ? WHERE source_id = 'c1'").run(RAW_NOW);
    db.prepare("UPDATE comments SET deleted_at = NULL WHERE source_id = 'c2'").run();
    expect(deleted()).toEqual(['c1']);
    db.close();
  });
});
