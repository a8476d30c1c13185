import type { DB } from '../connection';
import type { Author } from '../../common/domain';
import { uuidv7 } from '../../common/ids';
import { nowIso } from '../clock';
import { AppError } from '../../common/errors';

export interface AuthorRow {
  id: string;
  name: string;
  role: string;
  organisation: string;
  bio: string;
  email: string;
  url: string;
  created_at: string;
  updated_at: string;
}

export function toAuthor(r: AuthorRow): Author {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    organisation: r.organisation,
    bio: r.bio,
    email: r.email,
    url: r.url,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listAuthors(db: DB, o: { search?: string; limit?: number } = {}): Author[] {
  const search = o.search?.trim();
  if (!search) {
    return (db.prepare('SELECT * FROM authors WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE LIMIT ?').all(o.limit ?? 5000) as AuthorRow[]).map(toAuthor);
  }
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (
    db
      .prepare(
        `SELECT * FROM authors WHERE deleted_at IS NULL
         AND (name LIKE @like ESCAPE '\\' OR role LIKE @like ESCAPE '\\' OR organisation LIKE @like ESCAPE '\\')
         ORDER BY (name LIKE @prefix ESCAPE '\\') DESC, name COLLATE NOCASE LIMIT @limit`,
      )
      .all({ like, prefix: like.slice(1), limit: o.limit ?? 5000 }) as AuthorRow[]
  ).map(toAuthor);
}

export function getAuthor(db: DB, id: string): Author {
  const row = db.prepare('SELECT * FROM authors WHERE id = ? AND deleted_at IS NULL').get(id) as AuthorRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No author with id ${id}.`);
  return toAuthor(row);
}

export function updateAuthor(db: DB, id: string, fields: Partial<AuthorFields>): Author {
  const cols = (['name', 'role', 'organisation', 'bio', 'email', 'url'] as const).filter((k) => fields[k] !== undefined);
  getAuthor(db, id);
  if (cols.length) {
    const sets = cols.map((c) => `${c} = @${c}`).join(', ');
    db.prepare(`UPDATE authors SET ${sets}, updated_at = @now WHERE id = @id`).run({ ...Object.fromEntries(cols.map((c) => [c, fields[c]])), now: nowIso(), id });
  }
  return getAuthor(db, id);
}

export function authorsOfPost(db: DB, postId: string): Author[] {
  const rows = db
    .prepare(
      `SELECT a.* FROM post_authors pa JOIN authors a ON a.id = pa.author_id
       WHERE pa.post_id = ? AND pa.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY pa.position`,
    )
    .all(postId) as AuthorRow[];
  return rows.map(toAuthor);
}

/**
 * The bylines of many posts, in byline order, in two queries: the links (from the covering
 * post_authors_live index), then each distinct author once. Posts without authors are absent.
 */
export function authorsOfPosts(db: DB, postIds: readonly string[]): Map<string, Author[]> {
  const byPost = new Map<string, Author[]>();
  if (!postIds.length) return byPost;
  const links = db
    .prepare(
      `SELECT post_id, author_id FROM post_authors
       WHERE post_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY post_id, position`,
    )
    .all(JSON.stringify(postIds)) as { post_id: string; author_id: string }[];
  if (!links.length) return byPost;
  const authors = new Map(
    (
      db
        .prepare('SELECT * FROM authors WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL')
        .all(JSON.stringify([...new Set(links.map((l) => l.author_id))])) as AuthorRow[]
    ).map((r) => [r.id, toAuthor(r)]),
  );
  for (const l of links) {
    const author = authors.get(l.author_id);
    if (!author) continue; // a deleted author leaves the byline
    const list = byPost.get(l.post_id);
    // Each post gets its own copies: a caller may change one summary without touching another.
    if (list) list.push({ ...author });
    else byPost.set(l.post_id, [{ ...author }]);
  }
  return byPost;
}

export interface AuthorFields {
  name: string;
  role?: string;
  organisation?: string;
  bio?: string;
  email?: string;
  url?: string;
}

export function createAuthor(db: DB, fields: AuthorFields): Author {
  const now = nowIso();
  const id = uuidv7();
  db.prepare(
    `INSERT INTO authors (id, created_at, updated_at, name, role, organisation, bio, email, url)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, now, now, fields.name, fields.role ?? '', fields.organisation ?? '', fields.bio ?? '', fields.email ?? '', fields.url ?? '');
  return toAuthor(db.prepare('SELECT * FROM authors WHERE id = ?').get(id) as AuthorRow);
}

/** Replaces a post's byline with the given authors, in order. */
export function setPostAuthors(db: DB, postId: string, authorIds: readonly string[]): void {
  const now = nowIso();
  const exists = db.prepare('SELECT 1 FROM authors WHERE id = ? AND deleted_at IS NULL');
  const missing = authorIds.filter((id) => !exists.get(id));
  if (missing.length) throw new AppError('NOT_FOUND', `No author with id ${missing[0]}; the byline was not changed.`);
  if (new Set(authorIds).size !== authorIds.length) throw new AppError('BAD_INPUT', 'An author is named twice in the byline.');
  // Soft-delete and revive rather than delete, so a sync engine sees removals as changes.
  db.prepare('UPDATE post_authors SET deleted_at = ?, updated_at = ? WHERE post_id = ? AND deleted_at IS NULL').run(now, now, postId);
  const insert = db.prepare(
    `INSERT INTO post_authors (id, created_at, updated_at, post_id, author_id, position) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (post_id, author_id) DO UPDATE SET deleted_at = NULL, position = excluded.position, updated_at = excluded.updated_at`,
  );
  authorIds.forEach((authorId, i) => insert.run(uuidv7(), now, now, postId, authorId, i));
}
