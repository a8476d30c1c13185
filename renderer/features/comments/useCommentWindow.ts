import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { CommentFilter, CommentListItem, CommentOrder, StatusCounts } from '../../../common/api/comments';
import { useClient } from '../../api/ClientContext';
import { takeAnswered, takeOrCall } from '../../api/early';
import { COMMENTS_PAGE as PAGE, commentPageInput } from './comment-page-input';

const EMPTY_COUNTS: StatusCounts = { approved: 0, pending: 0, spam: 0, trash: 0, all: 0 };

export interface CommentWindow {
  total: number;
  counts: StatusCounts;
  /** The counts answer the current filter (false while a search's counts follow its rows). */
  countsCurrent: boolean;
  loaded: boolean;
  error: string | null;
  itemAt: (index: number) => CommentListItem | undefined;
  /** Fetches the pages covering [first, last] that are not loaded yet. */
  ensure: (first: number, last: number) => void;
  /** Drops every page and fetches the visible ones again (after a change). */
  reload: () => Promise<void>;
}

/**
 * The review list as pages fetched on demand: only the pages the virtual list shows are asked
 * for, so 100,000 comments never cross the API at once. A generation number discards answers
 * to a filter the user has already left.
 */
export function useCommentWindow(filter: CommentFilter, order: CommentOrder): CommentWindow {
  const client = useClient();
  const key = JSON.stringify([filter, order]);
  // On a cold open the boot module's first page (with the total and counts) is often in before
  // this first render: the list starts with its rows instead of an empty list and a second render.
  const [first] = useState(() => takeAnswered('comments.list', commentPageInput(filter, order, 0, true))?.value ?? null);
  const [pages, setPages] = useState<Map<number, CommentListItem[]>>(() => new Map(first ? [[0, first.items]] : []));
  const [total, setTotal] = useState(first?.total ?? 0);
  const [counts, setCounts] = useState<StatusCounts>(first?.counts ?? EMPTY_COUNTS);
  // The filter the shown pages answer; the list is loaded when that is the current one. Derived,
  // not set on a filter change, so choosing a filter costs no render of its own.
  const [answered, setAnswered] = useState<string | null>(first ? key : null);
  const [countedFor, setCountedFor] = useState<string | null>(first?.counts ? key : null);
  const [error, setError] = useState<string | null>(null);
  const gen = useRef(0);
  const inflight = useRef(new Set<number>());
  const visible = useRef<[number, number]>([0, PAGE - 1]);
  const firstTaken = useRef(first !== null);

  const fetchPages = useCallback(
    async (numbers: number[], g: number, fresh: boolean) => {
      const results = await Promise.all(
        numbers.map(async (n, i) => {
          inflight.current.add(n);
          try {
            // The first page may have been asked for as the window booted (shell/early-requests.ts).
            return [n, await takeOrCall(client, 'comments.list', commentPageInput(filter, order, n, fresh && i === 0))] as const;
          } finally {
            inflight.current.delete(n);
          }
        }),
      );
      if (g !== gen.current) return;
      setPages((old) => {
        const next = fresh ? new Map<number, CommentListItem[]>() : new Map(old);
        for (const [n, r] of results) next.set(n, r.items);
        return next;
      });
      const withTotals = results.find(([, r]) => r.total !== null)?.[1];
      if (withTotals) {
        setTotal(withTotals.total ?? 0);
        if (withTotals.counts) {
          setCounts(withTotals.counts);
          setCountedFor(key);
        }
      }
      setAnswered(key);
      setError(null);
      if (withTotals && !withTotals.counts) {
        const counted = await client.call('comments.counts', { filter });
        if (g !== gen.current) return;
        setCounts(counted);
        setCountedFor(key);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );

  // A failure of a request for a filter already left is as stale as its answer: not shown.
  const run = useCallback(
    (p: Promise<void>, g: number) => p.catch((e: Error) => g === gen.current && setError(e.message)),
    [],
  );

  const reload = useCallback(async () => {
    const g = ++gen.current;
    inflight.current.clear();
    const [a, b] = visible.current;
    const numbers: number[] = [];
    for (let n = Math.floor(a / PAGE); n <= Math.floor(b / PAGE); n++) numbers.push(n);
    await run(fetchPages(numbers, g, true), g);
  }, [fetchPages, run]);

  // A layout effect: the request leaves in the same task as the render that chose the filter,
  // not a frame later when passive effects run.
  useLayoutEffect(() => {
    visible.current = [0, PAGE - 1];
    if (!firstTaken.current) return void reload();
    // The first page came with the first render: only counts it came without are asked for.
    firstTaken.current = false;
    if (first && !first.counts) {
      const g = gen.current;
      void run(
        client.call('comments.counts', { filter }).then((counted) => {
          if (g !== gen.current) return;
          setCounts(counted);
          setCountedFor(key);
        }),
        g,
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);

  const ensure = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last];
      const missing: number[] = [];
      for (let n = Math.floor(first / PAGE); n <= Math.floor(last / PAGE); n++) {
        if (!pages.has(n) && !inflight.current.has(n)) missing.push(n);
      }
      if (missing.length) void run(fetchPages(missing, gen.current, false), gen.current);
    },
    [pages, fetchPages, run],
  );

  const itemAt = useCallback((i: number) => pages.get(Math.floor(i / PAGE))?.[i % PAGE], [pages]);

  return { total, counts, countsCurrent: countedFor === key, loaded: answered === key, error, itemAt, ensure, reload };
}
