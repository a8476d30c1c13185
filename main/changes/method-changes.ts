/**
 * What a successful API write changed, in the areas the windows re-read (common/changes.ts),
 * worked out from the method and its input: cheaper and surer than watching every table, and the
 * same for a window's call and a CLI command. A method this file does not know is taken to have
 * changed everything, so a new method is never silently missed (only re-read more than needed).
 */
import { EVERYTHING, type Changes } from '../../common/changes';
import type { DB } from '../../db/connection';

type Input = Record<string, unknown>;

const str = (v: unknown): string[] => (typeof v === 'string' && v ? [v] : []);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);

/** The post ids a call names (its `id` on a posts method, `postId`, `postIds`, `ids`). */
function postIds(input: Input, idIsPost: boolean): string[] {
  return [...(idIsPost ? str(input.id) : []), ...str(input.postId), ...strs(input.postIds), ...(idIsPost ? strs(input.ids) : [])];
}

/** The given ids, or 'all' when the call named none (a new row, a bulk change). */
const idsOrAll = (ids: string[]) => (ids.length > 0 ? ids : 'all');

/** The series holding these posts now (after the write), beside any the call named. */
function seriesOf(db: DB, posts: string[], named: string[]): string[] | 'all' {
  if (posts.length === 0) return idsOrAll(named);
  const found = db
    .prepare(`SELECT DISTINCT series_id FROM posts WHERE series_id IS NOT NULL AND id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify(posts)) as string[];
  return [...new Set([...named, ...found])];
}

/** Writes that leave the store as it was (files written elsewhere, a dialog, a backup copy). */
const NOTHING = new Set(['desktop.chooseFile', 'desktop.openExternal', 'backup.create', 'publish.saveAs', 'publish.writePage', 'publish.series', 'publish.wxr', 'imports.cancel', 'wordpress.cancelPull']);

/** Writes that may change anything a window shows. */
const ANYTHING = new Set(['backup.restore', 'demo.load', 'workspace.join', 'workspace.leave', 'workspace.resolve', 'workspace.discardRefused']);

export function methodChanges(db: DB, method: string, rawInput: unknown): Changes {
  if (NOTHING.has(method)) return {};
  if (ANYTHING.has(method)) return EVERYTHING;
  const input = (rawInput && typeof rawInput === 'object' ? rawInput : {}) as Input;
  const area = method.slice(0, method.indexOf('.'));
  switch (area) {
    case 'posts':
    case 'revisions':
    case 'drafts':
    case 'checklist': {
      if (method === 'checklist.setConfig') return { posts: 'all', other: 'all' };
      const posts = postIds(input, area === 'posts');
      if (method === 'posts.update' || method === 'posts.delete' || method === 'posts.restore' || method === 'revisions.restore') {
        // A post's title, status and place show in its series' running order too.
        return { posts: idsOrAll(posts), series: seriesOf(db, posts, []) };
      }
      return { posts: method === 'posts.discardUntouched' ? 'all' : idsOrAll(method === 'posts.create' || method === 'posts.duplicate' || method === 'posts.import' ? [] : posts) };
    }
    case 'series': {
      const posts = postIds(input, false);
      const named = method === 'series.create' ? [] : [...str(input.seriesId), ...(posts.length === 0 ? str(input.id) : [])];
      if (method === 'series.addPost') return { posts: 'all', series: idsOrAll(named) };
      // Editing or trashing a series changes every notice and label its posts show.
      if (posts.length === 0) return { series: idsOrAll(named), posts: 'all' };
      // A transfer leaves a series the call does not name: every series re-reads.
      return { posts, series: method === 'series.transferPost' ? 'all' : seriesOf(db, posts, named) };
    }
    case 'planning': {
      if (method === 'planning.markSeen') return { people: 'all' };
      const posts = postIds(input, false);
      return { posts: idsOrAll(posts), series: seriesOf(db, posts, []) };
    }
    case 'notes':
      // A reply or a resolve names its note, not its draft: For you and every open panel re-read.
      return { notes: idsOrAll(str(input.postId)) };
    case 'people':
      return method === 'people.setMe' ? { people: 'all' } : { people: 'all', posts: 'all' };
    case 'authors':
      return { posts: 'all', other: 'all' };
    case 'imports':
      return { comments: 'all', posts: 'all' };
    case 'comments':
    case 'annotations':
    case 'replies':
    case 'spam':
      return { comments: 'all' };
    case 'tags':
      return { comments: 'all', other: 'all' };
    case 'rules':
      return method === 'rules.apply' ? { comments: 'all' } : { other: 'all' };
    case 'wordpress':
      if (method === 'wordpress.pullComments' || method === 'wordpress.pushModeration' || method === 'wordpress.postReply') return { comments: 'all', posts: 'all' };
      if (method === 'wordpress.publish' || method === 'wordpress.publishSeries') return { posts: 'all', other: 'all' };
      return { other: 'all' };
    default:
      return EVERYTHING;
  }
}
