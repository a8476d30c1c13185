import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { migrate, schemaVersion } from '../migrate';
import { fillReleaseOne, RELEASE_ONE_TABLES, snapshotRows } from '../testing/release-one';

const emptyDb = useTempDatabases('wb-m10');

function tempDb() {
  const db = emptyDb();
  db.pragma('foreign_keys = ON');
  return db;
}

describe('migration 0010 initial schema', () => {
  it('creates every table on an empty database, and each holds and returns rows', () => {
    const db = tempDb();
    expect(migrate(db, { targetVersion: 10 })).toBe(10);
    expect(schemaVersion(db)).toBe(10);
    fillReleaseOne(db);
    const rows = snapshotRows(db);
    for (const t of RELEASE_ONE_TABLES) expect(rows[t].length, t).toBeGreaterThan(0);
    expect(rows.posts).toHaveLength(12);
    expect(rows.comments).toHaveLength(40);
    // Values come back exactly as written, binary included.
    expect(rows.assets[0].data).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0]));
    expect(rows.posts.find((p) => p.slug === 'post-2')?.title).toBe('Post 2: Emoji 🧪 and ünïcödé');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('keeps the full-text indexes in step with posts and comments through insert, update and delete', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 10 });
    fillReleaseOne(db);
    const hits = (q: string) => (db.prepare('SELECT count(*) AS n FROM posts_fts WHERE posts_fts MATCH ?').get(q) as { n: number }).n;
    expect(hits('unicode')).toBe(2); // "ünïcödé" with diacritics removed: posts 2 and 8
    db.prepare("UPDATE posts SET title = 'Zebra', body_text = 'zebra crossing' WHERE slug = 'post-2'").run();
    expect(hits('unicode')).toBe(1);
    expect(hits('zebra')).toBe(1);
    const commentHits = (q: string) => (db.prepare('SELECT count(*) AS n FROM comments_fts WHERE comments_fts MATCH ?').get(q) as { n: number }).n;
    expect(commentHits('Reader')).toBe(40);
    db.prepare("DELETE FROM reply_drafts").run();
    db.prepare("DELETE FROM annotations").run();
    db.prepare("DELETE FROM comments WHERE parent_id IS NOT NULL").run();
    db.prepare("DELETE FROM comments WHERE source_id = '0'").run();
    expect(commentHits('Reader')).toBe(29);
    db.close();
  });

  it('refuses rows the schema forbids: unknown comment status, a bad annotation span, a duplicate slug, a dangling reference', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 10 });
    fillReleaseOne(db);
    const now = '2026-01-01T00:00:00.000Z';
    expect(() =>
      db.prepare(`INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, status) VALUES ('0190a000-ffff-7000-8000-000000000001', ?, ?, ?, 'x', 'y', 'maybe')`).run(now, now, '0190a000-0004-7000-8000-000000000000'),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO annotations (id, created_at, updated_at, comment_id, start, end, quote) VALUES ('0190a000-ffff-7000-8000-000000000002', ?, ?, ?, 5, 5, '')`).run(now, now, '0190a000-0009-7000-8000-000000000000'),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO posts (id, created_at, updated_at, slug, body) VALUES ('0190a000-ffff-7000-8000-000000000003', ?, ?, 'post-1', '{}')`).run(now, now)).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare(`INSERT INTO post_authors (id, created_at, updated_at, post_id, author_id) VALUES ('0190a000-ffff-7000-8000-000000000004', ?, ?, ?, ?)`).run(now, now, '0190a000-0004-7000-8000-000000000000', '0190a000-ffff-7000-8000-00000000dead'),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
