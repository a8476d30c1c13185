import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost, RAW_NOW } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m150');
const POST = '00000000-0000-7000-8000-000000000001';

describe('migration 0150 shared details', () => {
  it("queues a post's guest authors, pictures, tags, annotations, reply drafts and moderation rules only while joined, and not while remote changes apply", () => {
    const db = tempDb();
    migrate(db, { targetVersion: 130 });
    insertRawPost(db, POST);
    insertRawComment(db, { id: 'c1', postId: POST, sourceId: 's1' });
    migrate(db, { targetVersion: 150 });
    expect(schemaVersion(db)).toBe(150);
    const outbox = () => db.prepare('SELECT tbl, row_id FROM sync_outbox ORDER BY tbl, row_id').all();
    const write = (n: number) => {
      db.prepare('INSERT INTO authors (id, created_at, updated_at, name) VALUES (?, ?, ?, ?)').run(`a${n}`, RAW_NOW, RAW_NOW, `Author ${n}`);
      db.prepare('INSERT INTO post_authors (id, created_at, updated_at, post_id, author_id) VALUES (?, ?, ?, ?, ?)').run(`pa${n}`, RAW_NOW, RAW_NOW, POST, `a${n}`);
      db.prepare("INSERT INTO assets (id, created_at, updated_at, post_id, file_name, mime, sha256, size, data) VALUES (?, ?, ?, ?, 'x.png', 'image/png', 'ab', 1, x'00')").run(`as${n}`, RAW_NOW, RAW_NOW, POST);
      db.prepare('INSERT INTO tags (id, created_at, updated_at, name) VALUES (?, ?, ?, ?)').run(`t${n}`, RAW_NOW, RAW_NOW, `tag ${n}`);
      db.prepare("INSERT INTO annotations (id, created_at, updated_at, comment_id, start, \"end\", quote, tag_id) VALUES (?, ?, ?, 'c1', 0, 2, 'hi', ?)").run(`an${n}`, RAW_NOW, RAW_NOW, `t${n}`);
      db.prepare("INSERT INTO reply_drafts (id, created_at, updated_at, comment_id, body) VALUES (?, ?, ?, 'c1', '{}')").run(`r${n}`, RAW_NOW, RAW_NOW);
      db.prepare("INSERT INTO moderation_rules (id, created_at, updated_at, kind) VALUES (?, ?, ?, 'first')").run(`m${n}`, RAW_NOW, RAW_NOW);
    };
    write(1);
    expect(outbox()).toEqual([]);

    db.prepare("INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at) VALUES (1, 'ws://x', 'm', 'Ann', 'admin', x'00', '2026-01-01')").run();
    db.prepare('DELETE FROM annotations WHERE id = ?').run('an1');
    db.prepare("UPDATE reply_drafts SET status = 'ready' WHERE id = 'r1'").run();
    db.prepare("UPDATE post_authors SET deleted_at = 'x' WHERE id = 'pa1'").run();
    expect(outbox()).toEqual([
      { tbl: 'annotations', row_id: 'an1' },
      { tbl: 'post_authors', row_id: 'pa1' },
      { tbl: 'reply_drafts', row_id: 'r1' },
    ]);
    db.prepare('DELETE FROM sync_outbox').run();
    write(2);
    expect(outbox().map((r) => (r as { tbl: string }).tbl)).toEqual(['annotations', 'assets', 'authors', 'moderation_rules', 'post_authors', 'reply_drafts', 'tags']);
    // An upsert of a queued row (how a byline is saved) queues it once and does not fail.
    const upsert = db.prepare("INSERT INTO post_authors (id, created_at, updated_at, post_id, author_id) VALUES ('pa9', 'x', 'x', ?, 'a2') ON CONFLICT (post_id, author_id) DO UPDATE SET position = position + 1");
    upsert.run(POST);
    upsert.run(POST);
    expect(outbox().filter((r) => (r as { tbl: string }).tbl === 'post_authors')).toEqual([{ tbl: 'post_authors', row_id: 'pa2' }]);

    db.prepare('DELETE FROM sync_outbox').run();
    db.prepare('UPDATE sync_workspace SET applying = 1').run();
    write(3);
    expect(outbox()).toEqual([]);
  });
});
