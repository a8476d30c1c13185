/**
 * The shared rows that hang off posts and comments (issue 13 item 4), beside shared-rows.ts:
 *
 * - a post's guest authors and their order (`post_authors`) in `bylines`, which editors and series
 *   managers write (commissioning names the guest author); one link per post and author, whatever
 *   its local id;
 * - pictures (`assets`): the row with its post, the bytes content-addressed (blobs.ts); alt text
 *   and captions are in the post's body, which travels whole, and the featured image with the post;
 * - annotation tags and moderation rules in `review`; two tags made apart with one name become the
 *   older one everywhere;
 * - annotations and reply drafts in their post's `comments/<postId>`, naming their comment by its
 *   source and source id, since a comment's local id differs between laptops.
 */
import type { DB } from '../../db/connection';
import { canWrite } from '../../common/sync/documents';
import { putBlob, readBlob } from './blobs';
import type { LocalDocs } from './local-docs';
import { registers } from './registers';
import { rowById, statement } from './statements';
import type { Row, TableSpec } from './shared-rows';

/** Thrown while projecting a row whose parent (a comment, a tag, a picture's bytes) has not arrived yet. */
export class WaitingForParent extends Error {}
/** Returned by toLocal for a row this laptop does not make (a tag that lost its name to an older one). */
export const SKIP = Symbol('skip');

const byId = rowById;

/** A comment's local id replaced by its post, source and source id (what names it on every laptop). */
function commentOut(db: DB, { comment_id, ...row }: Row): Row | undefined {
  const c = statement(db, 'SELECT post_id, source, source_id FROM comments WHERE id = ?').get(comment_id) as Row | undefined;
  return c && { ...row, post_id: c.post_id, comment_source: c.source, comment_source_id: c.source_id };
}

function commentIn(db: DB, { post_id, comment_source, comment_source_id, ...row }: Row): Row {
  const id = statement(db, 'SELECT id FROM comments WHERE source = ? AND post_id = ? AND source_id = ?', true).get(comment_source, post_id, comment_source_id) as string | undefined;
  if (!id) throw new WaitingForParent(`comment ${comment_source}:${comment_source_id}`);
  return { ...row, comment_id: id };
}

/** A tag id from another laptop as this laptop's tag: the same id, else the tag that holds its name here. */
function localTag(db: DB, docs: LocalDocs, tagId: string | number | null | undefined): string | null {
  if (tagId == null) return null;
  if (db.prepare('SELECT 1 FROM tags WHERE id = ?').get(tagId)) return String(tagId);
  const name = docs.has('review') ? registers(docs.get('review')).get(`tag:${tagId}|name`)?.v : undefined;
  const here = name == null ? undefined : (db.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE').pluck().get(name) as string | undefined);
  if (!here) throw new WaitingForParent(`tag ${tagId}`);
  return here;
}

/**
 * Tag names are unique. Two laptops that made a tag of one name apart (every store starts with
 * the same starter tags) keep the tag with the lower id, everywhere: a local tag that loses takes
 * the winner's id, with its annotations; a remote one that loses is not made here.
 */
function tagIn(db: DB, tag: Row): Row | typeof SKIP {
  if (db.prepare('SELECT 1 FROM tags WHERE id = ?').get(tag.id)) return tag;
  const clash = db.prepare('SELECT id, name FROM tags WHERE name = ? COLLATE NOCASE AND id != ?').get(tag.name, tag.id) as { id: string; name: string } | undefined;
  if (!clash) return tag;
  if (String(tag.id) > clash.id) return SKIP;
  db.prepare("INSERT INTO tags (id, created_at, updated_at, deleted_at, name, color) SELECT ?, created_at, updated_at, deleted_at, char(0) || id, color FROM tags WHERE id = ?").run(tag.id, clash.id);
  db.prepare('UPDATE annotations SET tag_id = ? WHERE tag_id = ?').run(tag.id, clash.id);
  db.prepare('DELETE FROM tags WHERE id = ?').run(clash.id);
  db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(clash.name, tag.id);
  return tag;
}

/**
 * A post's featured image names a picture, and a picture names its post: a new post arrives
 * without it, and the picture, once its bytes are here, puts it back from the post's register.
 */
export function withFeaturedIfHere(db: DB, { featured_asset_id, ...post }: Row): Row {
  const here = featured_asset_id == null || !!db.prepare('SELECT 1 FROM assets WHERE id = ?').get(featured_asset_id);
  return here ? { ...post, featured_asset_id } : post;
}

function featureArrived(db: DB, docs: LocalDocs, pulled: ReadonlyArray<{ shared: Row; before?: Row }>): void {
  const set = db.prepare('UPDATE posts SET featured_asset_id = ? WHERE id = ? AND featured_asset_id IS NOT ?');
  for (const { shared } of pulled.filter((p) => !p.before)) {
    const name = `post/${shared.post_id}`;
    if (docs.has(name) && registers(docs.get(name)).get(`post:${shared.post_id}|featured_asset_id`)?.v === shared.id) set.run(shared.id, shared.post_id, shared.id);
  }
}

/** The rules every store starts with (migration 0100), each under an id of its own. */
const STARTER_RULES = new Set(['links {"max":2}', 'first {}', 'trusted {"emails":[],"names":[],"minApproved":3}']);

/**
 * A starter rule from another store is the same rule as this store's: kept once, under the lower
 * id, as tags are, among the rules the team holds. A local one the team does not hold (its member
 * may not write rules, so it was refused) gives way to the team's whatever the ids. Other rules
 * are never merged: a member may mean two alike.
 */
function ruleIn(db: DB, docs: LocalDocs, rule: Row): Row | typeof SKIP {
  if (!STARTER_RULES.has(`${rule.kind} ${rule.params}`) || db.prepare('SELECT 1 FROM moderation_rules WHERE id = ?').get(rule.id)) return rule;
  const clash = db.prepare('SELECT id FROM moderation_rules WHERE kind = ? AND params = ? AND id != ? ORDER BY id LIMIT 1').pluck().get(rule.kind, rule.params, rule.id) as string | undefined;
  if (!clash) return rule;
  // A member who may not write rules had their own starter rules refused: the team has them already.
  db.prepare("DELETE FROM sync_refused WHERE tbl = 'moderation_rules' AND row_id = ?").run(clash);
  const shared = docs.has('review') && registers(docs.get('review')).has(`rule:${clash}|id`);
  if (shared && String(rule.id) > clash) return SKIP;
  db.prepare('DELETE FROM moderation_rules WHERE id = ?').run(clash);
  db.prepare('UPDATE comment_rule_hits SET rule_id = ? WHERE rule_id = ?').run(rule.id, clash);
  return rule;
}

export const DETAIL_SPECS: readonly TableSpec[] = [
  {
    table: 'post_authors',
    key: (r) => `byline:${r.post_id}:${r.author_id}`,
    localId: (db, r) => statement(db, 'SELECT id FROM post_authors WHERE post_id = ? AND author_id = ?', true).get(r.post_id, r.author_id) as string | undefined,
    parts: [{ kind: 'bylines', doc: () => 'bylines', creates: true, columns: ['id', 'created_at', 'post_id', 'author_id', 'position', 'deleted_at'], decisions: [] }],
  },
  {
    table: 'assets',
    key: (r) => `asset:${r.id}`,
    localId: byId('assets'),
    toShared: (_db, { data: _data, ...row }) => (row.post_id === null ? undefined : row),
    toLocal: (db, row, docs) => {
      if (byId('assets')(db, row)) return row;
      const data = readBlob(docs, String(row.sha256), Number(row.size));
      if (!data) throw new WaitingForParent(`the bytes of picture ${row.id}`);
      return { ...row, data: data as unknown as string };
    },
    beforePush: (docs, role, row) => {
      if (canWrite(role, 'blob') && row.post_id !== null && row.deleted_at === null) putBlob(docs, String(row.sha256), row.data as unknown as Buffer);
    },
    settle: featureArrived,
    parts: [{ kind: 'post', doc: (r) => `post/${r.post_id}`, creates: true, columns: ['id', 'created_at', 'post_id', 'file_name', 'mime', 'sha256', 'size', 'deleted_at'], decisions: ['deleted_at'] }],
  },
  {
    table: 'tags',
    key: (r) => `tag:${r.id}`,
    localId: byId('tags'),
    toLocal: (db, row) => tagIn(db, row),
    parts: [{ kind: 'review', doc: () => 'review', creates: true, columns: ['id', 'created_at', 'name', 'color', 'deleted_at'], decisions: ['name', 'deleted_at'] }],
  },
  {
    table: 'moderation_rules',
    key: (r) => `rule:${r.id}`,
    localId: byId('moderation_rules'),
    toLocal: (db, row, docs) => ruleIn(db, docs, row),
    // A starter rule never changed here (migration 0100 wrote both times at once).
    seeded: (r) => STARTER_RULES.has(`${r.kind} ${r.params}`) && r.updated_at === r.created_at,
    parts: [{ kind: 'review', doc: () => 'review', creates: true, columns: ['id', 'created_at', 'kind', 'params', 'enabled', 'deleted_at'], decisions: ['enabled', 'deleted_at'] }],
  },
  {
    table: 'annotations',
    key: (r) => `annotation:${r.id}`,
    localId: byId('annotations'),
    toShared: commentOut,
    toLocal: (db, row, docs) => ({ ...commentIn(db, row), tag_id: localTag(db, docs, row.tag_id) }),
    parts: [
      {
        kind: 'comments',
        doc: (r) => `comments/${r.post_id}`,
        creates: true,
        columns: ['id', 'created_at', 'post_id', 'comment_source', 'comment_source_id', 'start', 'end', 'quote', 'tag_id', 'note', 'reviewer', 'deleted_at'],
        decisions: ['note', 'deleted_at'],
      },
    ],
  },
  {
    table: 'reply_drafts',
    key: (r) => `reply:${r.id}`,
    localId: byId('reply_drafts'),
    toShared: commentOut,
    toLocal: commentIn,
    parts: [
      {
        kind: 'comments',
        doc: (r) => `comments/${r.post_id}`,
        creates: true,
        columns: ['id', 'created_at', 'post_id', 'comment_source', 'comment_source_id', 'body', 'body_text', 'status', 'deleted_at'],
        decisions: ['status', 'deleted_at'],
      },
    ],
  },
];
