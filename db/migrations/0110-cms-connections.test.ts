import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m110');

describe('migration 0110 cms connections', () => {
  it('adds the site tables; a remote twin goes with its local post or comment, and a remote post is one local post per site', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 105 });
    const post = '00000000-0000-7000-8000-000000000001';
    const comment = '00000000-0000-7000-8000-000000000002';
    insertRawPost(db, post);
    insertRawComment(db, { id: comment, postId: post, sourceId: '7', status: 'pending' });
    migrate(db, { targetVersion: 110 });
    expect(schemaVersion(db)).toBe(110);
    db.prepare("INSERT INTO cms_sites (id, created_at, updated_at, kind, url, api_root, user_name) VALUES ('s', 'x', 'x', 'wordpress', 'https://a.test', 'https://a.test/wp-json/', 'ann')").run();
    db.prepare("INSERT INTO cms_posts (site_id, post_id, remote_id) VALUES ('s', ?, 5)").run(post);
    expect(() => db.prepare("INSERT INTO cms_posts (site_id, post_id, remote_id) VALUES ('s', 'other', 5)").run()).toThrow();
    db.prepare("INSERT INTO cms_comments (site_id, comment_id, remote_id, remote_post_id, remote_status, fingerprint) VALUES ('s', ?, 7, 5, 'hold', 'f')").run(comment);
    expect(() => db.prepare("INSERT INTO cms_sites (id, created_at, updated_at, kind, url, api_root, user_name) VALUES ('t', 'x', 'x', 'ghost', 'u', 'r', 'n')").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM comments').run();
    expect(db.prepare('SELECT count(*) FROM cms_comments').pluck().get()).toBe(0);
    db.prepare('DELETE FROM posts').run();
    expect(db.prepare('SELECT count(*) FROM cms_posts').pluck().get()).toBe(0);
  });
});
