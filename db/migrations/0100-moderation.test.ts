import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m100');

describe('migration 0100 moderation', () => {
  it('keys the commenters already stored, starts with the default rules, and marks a status change as a person\'s', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 80 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    insertRawComment(db, { id: '00000000-0000-7000-8000-000000000002', postId: post, sourceId: 'c1', status: 'pending' });
    db.prepare("UPDATE comments SET author_email = ' Ann@Example.ORG ' WHERE source_id = 'c1'").run();
    const before = db.prepare('SELECT * FROM comments').all();

    migrate(db, { targetVersion: 100 });

    expect(schemaVersion(db)).toBe(100);
    expect(db.prepare('SELECT * FROM comments').all()).toEqual(before);
    expect(db.prepare('SELECT author_key FROM commenter_keys').pluck().all()).toEqual(['e:ann@example.org']);
    expect(db.prepare('SELECT kind FROM moderation_rules ORDER BY kind').pluck().all()).toEqual(['first', 'links', 'trusted']);
    db.prepare("UPDATE comments SET status = 'approved' WHERE source_id = 'c1'").run();
    expect(db.prepare('SELECT decided_by FROM comment_verdicts').pluck().all()).toEqual(['person']);
  });
});
