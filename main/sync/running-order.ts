/**
 * A series' running order in the shared data: each post holds a fractional key (`rank`, from the
 * fractional-indexing package) instead of its position number. Moving a post writes that post's
 * key only, so two laptops moving different posts offline merge into one order with every post
 * in it once; the same post moved differently on two laptops is two decisions on one register,
 * which the decision log lists as a conflict. The integer positions in the tables are derived
 * from the keys, the same way on every laptop.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import type { DB } from '../../db/connection';
import type { LocalDocs } from './local-docs';
import { registers } from './registers';

export interface Ranked {
  id: string;
  rank: string | undefined;
}

/** The indexes of a longest run of posts whose keys already increase in the local order. */
function longestIncreasing(order: readonly Ranked[]): Set<number> {
  const len: number[] = [];
  const prev: number[] = [];
  let best = -1;
  order.forEach((p, i) => {
    len[i] = p.rank === undefined ? 0 : 1;
    prev[i] = -1;
    if (p.rank === undefined) return;
    for (let j = 0; j < i; j++) {
      const r = order[j].rank;
      if (r !== undefined && r < p.rank && len[j] + 1 > len[i]) (len[i] = len[j] + 1), (prev[i] = j);
    }
    if (best === -1 || len[i] > len[best]) best = i;
  });
  const keep = new Set<number>();
  for (let i = best; i !== -1; i = prev[i]) keep.add(i);
  return keep;
}

/**
 * The key each post should hold for the order given (the local running order): posts whose keys
 * already fit keep them; the others (the moved ones, and new ones) get keys between their kept
 * neighbours.
 */
export function ranksFor(order: readonly Ranked[]): Map<string, string> {
  const keep = longestIncreasing(order);
  const out = new Map<string, string>();
  for (let i = 0; i < order.length; ) {
    if (keep.has(i)) {
      out.set(order[i].id, order[i].rank!);
      i++;
      continue;
    }
    let j = i;
    while (j < order.length && !keep.has(j)) j++;
    const low = i > 0 ? out.get(order[i - 1].id)! : null;
    const high = j < order.length ? order[j].rank! : null;
    generateNKeysBetween(low, high, j - i).forEach((key, k) => out.set(order[i + k].id, key));
    i = j;
  }
  return out;
}

export const rankKey = (postId: string) => `post:${postId}|rank`;
const planDoc = (postId: string) => `post-plan/${postId}`;

export function sharedRank(docs: LocalDocs, postId: string): string | undefined {
  if (!docs.has(planDoc(postId))) return undefined;
  const v = registers(docs.get(planDoc(postId))).get(rankKey(postId))?.v;
  return typeof v === 'string' ? v : undefined;
}

/** The key a post should hold now, from its series' local order and the keys already shared. */
export function rankOf(db: DB, docs: LocalDocs, post: { id: string; series_id: string | null; deleted_at: string | null }): string | null {
  const current = sharedRank(docs, post.id) ?? null;
  if (post.series_id === null || post.deleted_at !== null) return current;
  const ids = db.prepare('SELECT id FROM posts WHERE series_id = ? AND deleted_at IS NULL ORDER BY position, id').pluck().all(post.series_id) as string[];
  return ranksFor(ids.map((id) => ({ id, rank: sharedRank(docs, id) }))).get(post.id) ?? current;
}

/**
 * Numbers a series' live posts 1..n in key order (ties by id; posts without a key last, in their
 * local order). A series holding a refused move of this member's keeps its local order until the
 * member discards it.
 */
export function renumberSeries(db: DB, docs: LocalDocs, seriesId: string): void {
  const posts = db.prepare('SELECT id, position FROM posts WHERE series_id = ? AND deleted_at IS NULL ORDER BY position, id').all(seriesId) as Array<{ id: string; position: number | null }>;
  const refused = db.prepare("SELECT 1 FROM sync_refused WHERE tbl = 'posts' AND field = 'rank' AND row_id IN (SELECT value FROM json_each(?)) LIMIT 1");
  if (refused.get(JSON.stringify(posts.map((p) => p.id)))) return;
  const keyed = posts.map((p, local) => ({ ...p, local, rank: sharedRank(docs, p.id) }));
  keyed.sort((a, b) => {
    if (a.rank !== undefined && b.rank !== undefined) return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1;
    if (a.rank !== undefined || b.rank !== undefined) return a.rank === undefined ? 1 : -1;
    return a.local - b.local;
  });
  const set = db.prepare('UPDATE posts SET position = ? WHERE id = ?');
  keyed.forEach((p, i) => p.position !== i + 1 && set.run(i + 1, p.id));
}
