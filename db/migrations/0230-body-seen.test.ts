import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m230');

describe('migration 0230 body seen', () => {
  it('adds what each member last saw of a body, removed with its post, and marks body-only revisions', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 200 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    db.prepare("INSERT INTO sync_body_bases (post_id, revision, body_sha, snapshot, at) VALUES (?, 1, 'h', x'00', 'x')").run(post);
    migrate(db, { targetVersion: 230 });
    expect(schemaVersion(db)).toBe(230);
    expect(db.prepare('SELECT projected FROM sync_body_bases').pluck().get()).toBe(0);
    db.prepare("INSERT INTO sync_body_seen (member_id, post_id, snapshot, at) VALUES ('m1', ?, x'00', 'x')").run(post);
    db.prepare("INSERT INTO sync_body_seen (member_id, post_id, snapshot, at) VALUES ('m2', ?, x'00', 'x')").run(post);
    expect(() => db.prepare("INSERT INTO sync_body_seen (member_id, post_id, snapshot, at) VALUES ('m1', ?, x'00', 'x')").run(post)).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM posts WHERE id = ?').run(post);
    expect(db.prepare('SELECT count(*) FROM sync_body_seen').pluck().get()).toBe(0);
  });
});
