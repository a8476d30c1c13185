/** The drafts list's query: filters kept in state, results reloaded (search debounced) when they change. */
import { useCallback, useEffect, useState } from 'react';
import type { PostSummary } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';

export interface DraftFilters {
  search: string;
  status: string;
  seriesId: string;
  authorId: string;
  sort: 'updated' | 'planned';
}

export const NO_FILTERS: DraftFilters = { search: '', status: '', seriesId: '', authorId: '', sort: 'updated' };

export function useDraftsQuery(trash: boolean) {
  const client = useClient();
  const [filters, setFilters] = useState<DraftFilters>(NO_FILTERS);
  const [posts, setPosts] = useState<PostSummary[] | null>(null);
  const [error, setError] = useState('');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        client
          .call('posts.list', {
            trash,
            sort: filters.sort,
            ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
            ...(filters.status ? { status: [filters.status] } : {}),
            ...(filters.seriesId ? { seriesId: filters.seriesId } : {}),
            ...(filters.authorId ? { authorId: filters.authorId } : {}),
          })
          .then(
            (list) => {
              if (!live) return;
              setPosts(list);
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
  }, [client, trash, filters, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const filtered = filters.search !== '' || filters.status !== '' || filters.seriesId !== '' || filters.authorId !== '';
  return { filters, setFilters, posts, error, setError, reload, filtered };
}
