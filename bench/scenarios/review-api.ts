/**
 * How the bench reaches the review pane's comment list: `comments.list`, the method the pane
 * calls for every filter change and search keystroke (one window of 100 rows, plus the total and
 * the per-status counts it shows). Reported as missing when the API lacks it.
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
}

export function commentSearch(session: ApiSession): CommentQuery {
  if (!session.has('comments.list')) return { ok: false, missing: 'the API has no comments.list method yet' };
  return {
    ok: true,
    describe: `comments.list (newest first, window of ${PAGE}, with total and status counts) through the API dispatch`,
    filter: async (f) => {
      const filter: Record<string, unknown> = {};
      if (f.status) filter.status = [f.status];
      if (f.tagId) filter.tagId = f.tagId;
      if (f.search) filter.search = f.search;
      const r = await session.call<ListResult>('comments.list', { filter, order: 'newest', limit: PAGE });
      return r.total;
    },
  };
}
