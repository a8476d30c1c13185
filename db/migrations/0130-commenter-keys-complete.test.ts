import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m130');

describe('migration 0130 commenter keys complete', () => {
  it('keys the comments an import left without a key, and leaves the keyed ones and the comments as they were', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 105 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    insertRawComment(db, { id: '00000000-0000-7000-8000-000000000002', postId: post, sourceId: 'c1' });
    insertRawComment(db, { id: '00000000-0000-7000-8000-000000000003', postId: post, sourceId: 'c2' });
    db.prepare("UPDATE comments SET author_email = ' Ann@Example.ORG ' WHERE source_id = 'c2'").run();
    // c1 keyed as an import with the rules on would have; c2 left unkeyed.
    const c1 = db.prepare("SELECT rowid FROM comments WHERE source_id = 'c1'").pluck().get();
    db.prepare("INSERT INTO commenter_keys (comment_rowid, author_key) VALUES (?, 'n:kept|')").run(c1);
    const before = db.prepare('SELECT * FROM comments').all();

    migrate(db, { targetVersion: 130 });

    expect(schemaVersion(db)).toBe(130);
    expect(db.prepare('SELECT * FROM comments').all()).toEqual(before);
    expect(db.prepare('SELECT author_key FROM commenter_keys ORDER BY comment_rowid').pluck().all()).toEqual(['n:kept|', 'e:ann@example.org']);
  });
});
