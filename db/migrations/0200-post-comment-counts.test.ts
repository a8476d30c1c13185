import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost, RAW_NOW } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m200');

const P1 = '00000000-0000-7000-8000-000000000001';
const P2 = '00000000-0000-7000-8000-000000000002';
const cid = (n: number) => `00000000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;

/** post -> status -> live comments, as the table holds them (rows at 0 left out). */
const counts = (db: Database.Database) => {
  const out: Record<string, Record<string, number>> = {};
  for (const r of db.prepare('SELECT post_id, status, live FROM post_comment_counts WHERE live <> 0 ORDER BY post_id, status').all() as { post_id: string; status: string; live: number }[]) {
    (out[r.post_id] ??= {})[r.status] = r.live;
  }
  return out;
};

/** What the table must hold: each post's comments with deleted_at null by status, counted from the rows. */
const truth = (db: Database.Database) => {
  const out: Record<string, Record<string, number>> = {};
  for (const r of db.prepare('SELECT post_id, status, count(*) AS n FROM comments WHERE deleted_at IS NULL GROUP BY post_id, status ORDER BY post_id, status').all() as { post_id: string; status: string; n: number }[]) {
    (out[r.post_id] ??= {})[r.status] = r.n;
  }
  return out;
};

describe('migration 0200 post comment counts', () => {
  it("counts the live comments a database already holds by post and status, leaving the comments as they were", () => {
    const db = tempDb();
    migrate(db, { targetVersion: 170 });
    insertRawPost(db, P1);
    db.prepare("INSERT INTO posts (id, created_at, updated_at, slug, title, body) VALUES (?, ?, ?, 'q', 'Another', '{}')").run(P2, RAW_NOW, RAW_NOW);
    insertRawComment(db, { id: cid(1), postId: P1, sourceId: 'c1' });
    insertRawComment(db, { id: cid(2), postId: P1, sourceId: 'c2', status: 'spam' });
    insertRawComment(db, { id: cid(3), postId: P1, sourceId: 'c3', deletedAt: RAW_NOW });
    const before = db.prepare('SELECT * FROM comments ORDER BY id').all();

    migrate(db, { targetVersion: 200 });

    expect(schemaVersion(db)).toBeGreaterThanOrEqual(200);
    expect(db.prepare('SELECT * FROM comments ORDER BY id').all()).toEqual(before);
    expect(counts(db)).toEqual({ [P1]: { approved: 1, spam: 1 } });
    db.close();
  });

  it('follows inserts, status changes, soft deletes and restores, moves between posts and hard deletes', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 200 });
    insertRawPost(db, P1);
    db.prepare("INSERT INTO posts (id, created_at, updated_at, slug, title, body) VALUES (?, ?, ?, 'q', 'Another', '{}')").run(P2, RAW_NOW, RAW_NOW);
    for (let n = 1; n <= 4; n++) insertRawComment(db, { id: cid(n), postId: P1, sourceId: `c${n}` });
    insertRawComment(db, { id: cid(5), postId: P2, sourceId: 'c5', deletedAt: RAW_NOW });
    expect(counts(db)).toEqual({ [P1]: { approved: 4 } });

    const steps: [string, unknown[]][] = [
      ['UPDATE comments SET deleted_at = ? WHERE id = ?', [RAW_NOW, cid(1)]],
      // Deleted again: no change.
      ['UPDATE comments SET deleted_at = ? WHERE id = ?', ['2026-02-01T00:00:00.000Z', cid(1)]],
      ['UPDATE comments SET deleted_at = NULL WHERE id = ?', [cid(5)]],
      ['UPDATE comments SET post_id = ? WHERE id = ?', [P2, cid(2)]],
      // A deleted comment moved: neither post counts it.
      ['UPDATE comments SET post_id = ? WHERE id = ?', [P2, cid(1)]],
      ['UPDATE comments SET status = ? WHERE id = ?', ['spam', cid(3)]],
      ['DELETE FROM comments WHERE id = ?', [cid(4)]],
      ['DELETE FROM comments WHERE id = ?', [cid(1)]],
      ['UPDATE comments SET post_id = ?, deleted_at = ? WHERE id = ?', [P1, RAW_NOW, cid(5)]],
      // A status change of a deleted comment: no live count moves.
      ['UPDATE comments SET status = ? WHERE id = ?', ['trash', cid(5)]],
    ];
    for (const [sql, params] of steps) {
      db.prepare(sql).run(...params);
      expect({ sql, counts: counts(db) }).toEqual({ sql, counts: truth(db) });
    }
    expect(counts(db)).toEqual({ [P1]: { spam: 1 }, [P2]: { approved: 1 } });
    db.close();
  });
});
