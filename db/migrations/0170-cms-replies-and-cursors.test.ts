import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m170');

describe('migration 0170 cms replies and cursors', () => {
  it('adds posted replies, the pushed hash and a comment cursor per remote post, filled from the comments already pulled', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 130 });
    const [p1, p2, c1, c2] = ['1', '2', '3', '4'].map((n) => `00000000-0000-7000-8000-00000000000${n}`);
    insertRawPost(db, p1!);
    db.prepare("UPDATE posts SET slug = 'first' WHERE id = ?").run(p1);
    insertRawPost(db, p2!);
    insertRawComment(db, { id: c1!, postId: p1!, sourceId: '7', status: 'pending' });
    insertRawComment(db, { id: c2!, postId: p1!, sourceId: '9', status: 'approved' });
    db.prepare("INSERT INTO cms_sites (id, created_at, updated_at, kind, url, api_root, user_name) VALUES ('s', 'x', 'x', 'wordpress', 'https://a.test', 'https://a.test/wp-json/', 'ann')").run();
    db.prepare("INSERT INTO cms_posts (site_id, post_id, remote_id) VALUES ('s', ?, 5), ('s', ?, 6)").run(p1, p2);
    db.prepare("INSERT INTO cms_comments (site_id, comment_id, remote_id, remote_post_id, remote_status, fingerprint) VALUES ('s', ?, 7, 5, 'hold', 'f'), ('s', ?, 9, 5, 'approved', 'g')").run(c1, c2);

    migrate(db, { targetVersion: 170 });

    expect(schemaVersion(db)).toBe(170);
    expect(db.prepare('SELECT remote_id, comments_through, pushed_hash FROM cms_posts ORDER BY remote_id').all()).toEqual([
      { remote_id: 5, comments_through: 9, pushed_hash: '' },
      { remote_id: 6, comments_through: null, pushed_hash: '' },
    ]);
    db.prepare("INSERT INTO cms_replies (site_id, comment_id, remote_id, link, posted_at) VALUES ('s', ?, 12, 'https://a.test/?p=5#comment-12', 'x')").run(c1);
    expect(() => db.prepare("INSERT INTO cms_replies (site_id, comment_id, remote_id, posted_at) VALUES ('s', ?, 13, 'x')").run(c1)).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM comments WHERE id = ?').run(c1);
    expect(db.prepare('SELECT count(*) FROM cms_replies').pluck().get()).toBe(0);
  });
});
