/**
 * The drafts list's query: filters kept in state, results reloaded (search debounced) when they
 * change, one page at a time: the first page renders at once however many drafts there are, and
 * "show more" asks for the next.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PostSummary } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { afterDiscards } from './discard-untouched';

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

export function useDraftsQuery(trash: boolean) {
  const client = useClient();
  const [filters, setFiltersState] = useState<DraftFilters>(NO_FILTERS);
  const [shown, setShown] = useState(DRAFTS_PAGE);
  const [result, setResult] = useState<{ posts: PostSummary[]; more: boolean } | null>(null);
  const [error, setError] = useState('');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        afterDiscards()
          .then(() => client.call('posts.list', {
            trash,
            sort: filters.sort,
            // One past the page says whether there is more, without counting every draft.
            limit: shown + 1,
            ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
            ...(filters.status ? { status: [filters.status] } : {}),
            ...(filters.seriesId ? { seriesId: filters.seriesId } : {}),
            ...(filters.authorId ? { authorId: filters.authorId } : {}),
          }))
          .then(
            (list) => {
              if (!live) return;
              setResult({ posts: list.slice(0, shown), more: list.length > shown });
              setError('');
            },
            (e: Error) => live && setError(e.message),
          );
      },
      filters.search ? 200 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, trash, filters, shown, generation]);

  // New filters start again from the first page.
  const setFilters = useCallback((next: DraftFilters) => {
    setFiltersState(next);
    setShown(DRAFTS_PAGE);
  }, []);
  const showMore = useCallback(() => setShown((n) => n + DRAFTS_PAGE), []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const filtered = filters.search !== '' || filters.status !== '' || filters.seriesId !== '' || filters.authorId !== '';
  return { filters, setFilters, posts: result?.posts ?? null, more: result?.more ?? false, showMore, error, setError, reload, filtered };
}
