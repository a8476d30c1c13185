/**
 * The drafts list's request for its filters and page, in its own small module: the shell starts
 * the first one while the window boots (shell/early-requests.ts), before the list's chunk is in.
 */
import type { Input } from '../../../common/api';

export interface DraftFilters {
  search: string;
  status: string;
  seriesId: string;
  authorId: string;
  sort: 'updated' | 'planned';
}

export const NO_FILTERS: DraftFilters = { search: '', status: '', seriesId: '', authorId: '', sort: 'updated' };

/** Drafts shown at first, and added by each "show more". */
export const DRAFTS_PAGE = 100;

export function draftsListInput(trash: boolean, filters: DraftFilters, shown: number): Input<'posts.list'> {
  return {
    trash,
    sort: filters.sort,
    // One past the page says whether there is more, without counting every draft.
    limit: shown + 1,
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.seriesId ? { seriesId: filters.seriesId } : {}),
    ...(filters.authorId ? { authorId: filters.authorId } : {}),
  };
}
