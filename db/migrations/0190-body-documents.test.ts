import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m190');

describe('migration 0190 body documents', () => {
  it('adds body bases per post and revision, removed with their post', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 170 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    migrate(db, { targetVersion: 190 });
    expect(schemaVersion(db)).toBe(190);
    db.prepare("INSERT INTO sync_body_bases (post_id, revision, body_sha, snapshot, at) VALUES (?, 1, 'h', x'00', 'x')").run(post);
    expect(() => db.prepare("INSERT INTO sync_body_bases (post_id, revision, body_sha, snapshot, at) VALUES (?, 1, 'h', x'00', 'x')").run(post)).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM posts WHERE id = ?').run(post);
    expect(db.prepare('SELECT count(*) FROM sync_body_bases').pluck().get()).toBe(0);
  });
});
