/**
 * The small import's floor as a process of its own (bundled into the bench's build folder and run
 * with plain node, as the CLI bundle is): `node bare-insert.cjs <rows.json> <db>` creates the
 * posts and inserts the ready-made comment rows with one prepared statement in one transaction,
 * the search-index and state triggers suspended and both tables filled in bulk, as the importer
 * does. No parsing, no sanitizing, no lookups: the same writes and nothing else.
 */
import fs from 'node:fs';
import { openDatabase } from '../../db/connection';
import { suspendDerivedTriggers } from '../../db/repos/comment-import';
import { createPost } from '../../db/repos/posts';
import { insertCommentRows, type CommentRow } from '../generate/comment-rows';

export interface BareInsertInput {
  posts: { key: string; title: string; slug: string; wpId: number; link: string }[];
  /** post_id holds a post's key, replaced by the id the post gets. */
  rows: CommentRow[];
}

const [rowsFile, dbPath] = process.argv.slice(2);
const input = JSON.parse(fs.readFileSync(rowsFile, 'utf8')) as BareInsertInput;
const db = openDatabase(dbPath);
db.transaction(() => {
  const ids = new Map(input.posts.map((p) => [p.key, createPost(db, { title: p.title, slug: p.slug, status: 'published', source: 'wxr', sourceId: String(p.wpId), sourceUrl: p.link }).id]));
  const resume = suspendDerivedTriggers(db, db.prepare('SELECT coalesce(max(rowid), 0) FROM comments').pluck().get() as number);
  insertCommentRows(db, input.rows.map((r) => ({ ...r, post_id: ids.get(r.post_id)! })));
  resume();
})();
db.close();
