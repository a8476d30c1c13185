/**
 * How the bench reaches the review pane's comment list as the pane does for every filter change
 * and search keystroke: `comments.list` (one window of 100 rows and the total), then, when that
 * left them out (a search), `comments.counts` for the per-status counts it shows. Timed as the
 * pair, so the numbers hold everything the pane waits for. Reported as missing when the API
 * lacks them.
 */
import type { ApiSession } from '../lib/dispatch';

/** Rows in one window of the list, as the pane asks for. */
export const PAGE = 100;

export interface CommentFilterInput {
  status?: string;
  tagId?: string;
  search?: string;
}

export type CommentQuery =
  | { ok: false; missing: string }
  | {
      ok: true;
      describe: string;
      /** Runs the filter as the pane does; returns how many comments match in all. */
      filter: (f: CommentFilterInput) => Promise<number>;
    };

interface ListResult {
  items: unknown[];
  total: number;
  counts: unknown;
}

export function commentSearch(session: ApiSession): CommentQuery {
  if (!session.has('comments.list')) return { ok: false, missing: 'the API has no comments.list method yet' };
  return {
    ok: true,
    describe: `comments.list (newest first, window of ${PAGE}, with the total) and the status counts, through the API dispatch`,
    filter: async (f) => {
      const filter: Record<string, unknown> = {};
      if (f.status) filter.status = [f.status];
      if (f.tagId) filter.tagId = f.tagId;
      if (f.search) filter.search = f.search;
      const r = await session.call<ListResult>('comments.list', { filter, order: 'newest', limit: PAGE, counts: false });
      if (!r.counts) await session.call('comments.counts', { filter });
      return r.total;
    },
  };
}
