/**
 * The calendar's data for one window and filter, with re-dating applied at once on screen (the
 * server's answer replaces it; a refusal puts the post back and says why).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlanFacets, PlanFilter, PlanPost, PlanView } from '../../../common/api/planning';
import { findClashes, findEmptyWeeks } from '../../../common/series/plan';
import { useClient } from '../../api/ClientContext';
import { useChanges } from '../../api/useChanges';
import { touches } from '../../../common/changes';
import { takeAnswered, takeOrCall } from '../../api/early';

export function usePlanData(from: string, to: string, filter: PlanFilter) {
  const client = useClient();
  // On a cold open the boot module's answer (this window with the tray) is often in before this
  // first render: start with it.
  const [view, setView] = useState<PlanView | null>(() => takeAnswered('planning.view', { from, to, filter, tray: true })?.value ?? null);
  const [error, setError] = useState('');
  const key = JSON.stringify([from, to, filter]);
  const filterKey = JSON.stringify(filter);
  const latest = useRef(key);
  // The filters the shown tray was loaded with: stepping to another month with the same filters
  // keeps it, so the server reads and sends only the new window's posts.
  const trayFor = useRef<string | null>(view ? filterKey : null);
  const answered = useRef(view !== null);

  const load = useCallback(
    (fresh = false) => {
      latest.current = key;
      const tray = fresh || trayFor.current !== filterKey;
      // The first month may have been asked for as the window booted (shell/early-requests.ts).
      takeOrCall(client, 'planning.view', { from, to, filter, tray }).then(
        (v) => {
          if (latest.current !== key) return;
          if (tray) trayFor.current = filterKey;
          setView((prev) => (tray ? v : { ...v, tray: prev?.tray ?? [] }));
          setError('');
        },
        (e: Error) => latest.current === key && setError(e.message),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );
  useEffect(() => {
    // The first window came with the first render (above): no second request for it.
    if (answered.current) answered.current = false;
    else load();
  }, [load]);
  // Dates, statuses, owners and series show on the calendar and in the tray.
  useChanges((c) => (touches(c, 'posts') || touches(c, 'series') || touches(c, 'people')) && load(true));

  /** The same checks the server runs, on the posts as they now stand. */
  const withPosts = (v: PlanView, posts: PlanPost[], tray: PlanPost[]): PlanView => {
    const inWindow = posts.filter((p) => p.plannedDate !== null && p.plannedDate >= v.from && p.plannedDate <= v.to).sort((a, b) => (a.plannedDate! < b.plannedDate! ? -1 : a.plannedDate! > b.plannedDate! ? 1 : 0));
    return { ...v, posts: inWindow, tray, clashes: findClashes(inWindow), emptyWeeks: findEmptyWeeks(inWindow, v.from, v.to) };
  };

  const redate = useCallback(
    async (post: PlanPost, plannedDate: string | null): Promise<PlanPost | null> => {
      const before = view;
      if (!before) return null;
      const moved = { ...post, plannedDate };
      const others = before.posts.filter((p) => p.id !== post.id);
      const tray = before.tray.filter((p) => p.id !== post.id);
      setView(withPosts(before, plannedDate ? [...others, moved] : others, plannedDate ? tray : [moved, ...tray]));
      try {
        const saved = await client.call('planning.setDate', { postId: post.id, plannedDate });
        setView((v) => (v ? withPosts(v, v.posts.map((p) => (p.id === saved.id ? saved : p)), v.tray.map((p) => (p.id === saved.id ? saved : p))) : v));
        return saved;
      } catch (e) {
        setView(before);
        setError((e as Error).message);
        return null;
      }
    },
    [client, view],
  );

  const replace = useCallback((saved: PlanPost) => {
    setView((v) => (v ? { ...v, posts: v.posts.map((p) => (p.id === saved.id ? saved : p)), tray: v.tray.map((p) => (p.id === saved.id ? saved : p)) } : v));
  }, []);

  return { view, error, setError, redate, replace, reload: () => load(true) };
}

export function useFacets() {
  const client = useClient();
  const [facets, setFacets] = useState<PlanFacets | null>(null);
  const reload = useCallback(() => void client.call('planning.facets', {}).then(setFacets, () => setFacets(null)), [client]);
  useEffect(reload, [reload]);
  return { facets, reload };
}
