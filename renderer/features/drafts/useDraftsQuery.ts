/**
 * The drafts list's query: filters kept in state, results reloaded (search debounced) when they
 * change, one page at a time: the first page renders at once however many drafts there are, and
 * "show more" asks for the next.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PostSummary } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { useChanges } from '../../api/useChanges';
import { touches } from '../../../common/changes';
import { afterDiscards } from './discard-untouched';
import { takeAnswered, takeOrCall } from '../../api/early';
import { DRAFTS_PAGE, NO_FILTERS, draftsListInput, type DraftFilters } from './drafts-list-input';

export { NO_FILTERS, DRAFTS_PAGE, type DraftFilters } from './drafts-list-input';

export function useDraftsQuery(trash: boolean) {
  const client = useClient();
  const [filters, setFiltersState] = useState<DraftFilters>(NO_FILTERS);
  const [shown, setShown] = useState(DRAFTS_PAGE);
  // On a cold open the boot module's answer is often in before this first render: start with its rows.
  const [result, setResult] = useState<{ posts: PostSummary[]; more: boolean } | null>(() => {
    const early = takeAnswered('posts.list', draftsListInput(trash, NO_FILTERS, DRAFTS_PAGE));
    return early && { posts: early.value.slice(0, DRAFTS_PAGE), more: early.value.length > DRAFTS_PAGE };
  });
  // ...and then not ask again for the same list (a change event or a filter asks afresh).
  const answered = useRef(result !== null);
  const [error, setError] = useState('');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (answered.current) {
      answered.current = false;
      return;
    }
    let live = true;
    const timer = setTimeout(
      () => {
        afterDiscards()
          // The first list of a cold open was asked for while the window booted.
          .then(() => takeOrCall(client, 'posts.list', draftsListInput(trash, filters, shown)))
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
  // Any post's change may move it in this list (it is sorted by last change): read the page again.
  useChanges((c) => touches(c, 'posts') && reload());
  const filtered = filters.search !== '' || filters.status !== '' || filters.seriesId !== '' || filters.authorId !== '';
  return { filters, setFilters, posts: result?.posts ?? null, more: result?.more ?? false, showMore, error, setError, reload, filtered };
}
