/**
 * The review list's request for one page of rows, in its own small module: the shell asks for the
 * first page of the unfiltered pane while the window boots (shell/early-requests.ts), before the
 * pane's chunk is in, and the pane must ask in exactly the same words to be handed that answer.
 */
import type { CommentFilter, CommentOrder } from '../../../common/api/comments';
import type { Input } from '../../../common/api';

/** Rows per page fetched. */
export const COMMENTS_PAGE = 100;

/** The pane as it first opens: no filter, newest first. */
export const FIRST_FILTER: CommentFilter = {};
export const FIRST_ORDER: CommentOrder = 'newest';

/**
 * Page n; `totals` on the first page of a fresh filter. counts: false lets a search answer with its
 * rows and total alone; its per-status counts (the costlier part for a common word) are asked next.
 */
export function commentPageInput(filter: CommentFilter, order: CommentOrder, n: number, totals: boolean): Input<'comments.list'> {
  return { filter, order, offset: n * COMMENTS_PAGE, limit: COMMENTS_PAGE, totals, counts: false };
}
