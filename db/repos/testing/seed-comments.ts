/**
 * Test helper: puts comments straight into the store with real SQL, for tests of the review
 * queries that must not depend on an importer. Not used by the app.
 */
import type { DB } from '../../connection';
import type { CommentStatus } from '../../../common/domain';
import { uuidv7 } from '../../../common/ids';

export interface SeedComment {
  id?: string;
  postId: string;
  parentId?: string | null;
  authorName?: string;
  authorRole?: string;
  authorOrganisation?: string;
  postedAt?: string | null;
  html?: string;
  text: string;
  status?: CommentStatus;
  flags?: string[];
}

/** Inserts the comments in one transaction; returns their ids in order. */
export function seedComments(db: DB, comments: SeedComment[]): string[] {
  const now = new Date().toISOString();
  const insert = db.prepare(
    `INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, parent_id, author_name, author_role,
       author_organisation, posted_at, body_html, body_text, status, flags, revision)
     VALUES (?, ?, ?, ?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  return db.transaction(() =>
    comments.map((c) => {
      const id = c.id ?? uuidv7();
      insert.run(
        id, now, now, c.postId, id, c.parentId ?? null, c.authorName ?? 'Reader', c.authorRole ?? '', c.authorOrganisation ?? '',
        c.postedAt === undefined ? now : c.postedAt, c.html ?? `<p>${c.text.replace(/[&<>]/g, (m) => `&#${m.charCodeAt(0)};`)}</p>`, c.text,
        c.status ?? 'pending', JSON.stringify(c.flags ?? []),
      );
      return id;
    }),
  )();
}
