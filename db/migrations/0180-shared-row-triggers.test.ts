import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawPost, RAW_NOW } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m180');
const POST = '00000000-0000-7000-8000-000000000001';

describe('migration 0180 shared row triggers', () => {
  it('an upsert of an already queued post, series, author or comment queues it once and does not fail; a row deleted outright keeps its columns for the push', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 170 });
    insertRawPost(db, POST);
    db.prepare("INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at) VALUES (1, 'ws://x', 'm', 'Ann', 'admin', x'00', '2026-01-01')").run();
    const upsertPost = db.prepare("INSERT INTO posts (id, created_at, updated_at, slug, body) VALUES (?, 'x', 'x', 'p', '{}') ON CONFLICT (id) DO UPDATE SET title = title || '!'");
    upsertPost.run(POST);
    // Before this step: the row is queued, so the trigger's INSERT OR IGNORE meets the upsert's conflict handling.
    expect(() => upsertPost.run(POST)).toThrow(/UNIQUE constraint failed: sync_outbox/);

    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(180);
    const outbox = () => db.prepare('SELECT tbl, row_id FROM sync_outbox ORDER BY tbl, row_id').all();
    upsertPost.run(POST);
    upsertPost.run(POST);
    const upsertAuthor = db.prepare("INSERT INTO authors (id, created_at, updated_at, name) VALUES ('a1', ?, ?, 'Ann') ON CONFLICT (id) DO UPDATE SET bio = 'x'");
    const upsertSeries = db.prepare("INSERT INTO series (id, created_at, updated_at, slug, title) VALUES ('s1', ?, ?, 's', 'S') ON CONFLICT (id) DO UPDATE SET topic = 'x'");
    const upsertComment = db.prepare(
      "INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, body_html, body_text, status) VALUES ('c1', ?, ?, ?, 'test', 's1', '<p>hi</p>', 'hi', 'pending') ON CONFLICT (id) DO UPDATE SET status = 'spam'",
    );
    for (let i = 0; i < 2; i++) upsertAuthor.run(RAW_NOW, RAW_NOW), upsertSeries.run(RAW_NOW, RAW_NOW), upsertComment.run(RAW_NOW, RAW_NOW, POST);
    expect(outbox()).toEqual([
      { tbl: 'authors', row_id: 'a1' },
      { tbl: 'comments', row_id: 'c1' },
      { tbl: 'posts', row_id: POST },
      { tbl: 'series', row_id: 's1' },
    ]);

    // A row deleted outright keeps its columns for the push (a picture without its bytes).
    db.prepare('DELETE FROM sync_outbox').run();
    db.prepare("INSERT INTO authors (id, created_at, updated_at, name) VALUES ('a2', ?, ?, 'Bo')").run(RAW_NOW, RAW_NOW);
    db.prepare("INSERT INTO post_authors (id, created_at, updated_at, post_id, author_id) VALUES ('pa1', ?, ?, ?, 'a2')").run(RAW_NOW, RAW_NOW, POST);
    db.prepare("INSERT INTO assets (id, created_at, updated_at, post_id, file_name, mime, sha256, size, data) VALUES ('as1', ?, ?, ?, 'x.png', 'image/png', 'ab', 1, x'00')").run(RAW_NOW, RAW_NOW, POST);
    db.prepare("DELETE FROM post_authors WHERE id = 'pa1'").run();
    db.prepare("DELETE FROM assets WHERE id = 'as1'").run();
    const removed = db.prepare('SELECT tbl, row_id, row FROM sync_removed ORDER BY tbl').all() as Array<{ tbl: string; row_id: string; row: string }>;
    expect(removed.map((r) => [r.tbl, r.row_id])).toEqual([['assets', 'as1'], ['post_authors', 'pa1']]);
    expect(JSON.parse(removed[1].row)).toMatchObject({ id: 'pa1', post_id: POST, author_id: 'a2' });
    expect(JSON.parse(removed[0].row)).toMatchObject({ id: 'as1', post_id: POST, sha256: 'ab' });
    expect(JSON.parse(removed[0].row)).not.toHaveProperty('data');
    expect(outbox()).toEqual([{ tbl: 'assets', row_id: 'as1' }, { tbl: 'authors', row_id: 'a2' }, { tbl: 'post_authors', row_id: 'pa1' }]);

    // Still silent while remote changes are applied, and while no workspace is joined.
    db.prepare('DELETE FROM sync_outbox').run();
    db.prepare('UPDATE sync_workspace SET applying = 1').run();
    upsertPost.run(POST);
    db.prepare('DELETE FROM sync_workspace').run();
    upsertSeries.run(RAW_NOW, RAW_NOW);
    db.prepare('DELETE FROM sync_removed').run();
    db.prepare("DELETE FROM authors WHERE id = 'a2'").run();
    expect(outbox()).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM sync_removed').pluck().get()).toBe(0);
  });
});
