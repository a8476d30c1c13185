/**
 * Rows written with plain SQL that every schema version since 0010 accepts, for the migration
 * steps' tests: they fill a database at an older version, where the repos' current SQL may not
 * apply yet.
 */
import type Database from 'better-sqlite3';

export const RAW_NOW = '2026-01-01T00:00:00.000Z';

export function insertRawPost(db: Database.Database, id: string, tags = '[]'): void {
  db.prepare("INSERT INTO posts (id, created_at, updated_at, slug, title, body, tags) VALUES (?, ?, ?, 'p', 'A post', '{}', ?)").run(id, RAW_NOW, RAW_NOW, tags);
}

export interface RawComment {
  id: string;
  postId: string;
  sourceId: string;
  status?: string;
  deletedAt?: string | null;
}

export function insertRawComment(db: Database.Database, c: RawComment): void {
  db.prepare(
    `INSERT INTO comments (id, created_at, updated_at, deleted_at, post_id, source, source_id, body_html, body_text, status)
     VALUES (?, ?, ?, ?, ?, 'test', ?, '<p>hi</p>', 'hi', ?)`,
  ).run(c.id, RAW_NOW, RAW_NOW, c.deletedAt ?? null, c.postId, c.sourceId, c.status ?? 'approved');
}
