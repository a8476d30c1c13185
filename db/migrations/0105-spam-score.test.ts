import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m105');

describe('migration 0105 spam score', () => {
  it('adds the model and score tables, and a hard-deleted comment takes its score with it', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 100 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    insertRawComment(db, { id: '00000000-0000-7000-8000-000000000002', postId: post, sourceId: 'c1', status: 'pending' });
    migrate(db, { targetVersion: 105 });
    expect(schemaVersion(db)).toBe(105);
    const rowid = db.prepare('SELECT rowid FROM comments').pluck().get();
    db.prepare("INSERT INTO comment_scores (comment_rowid, score, words, model_id) VALUES (?, 0.9, '[]', 'm')").run(rowid);
    db.prepare('DELETE FROM comments').run();
    expect(db.prepare('SELECT count(*) FROM comment_scores').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM spam_models').pluck().get()).toBe(0);
  });
});
