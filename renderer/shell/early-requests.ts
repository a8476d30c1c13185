/**
 * What each area asks the server for first, started as the window boots (api/early.ts), so the
 * answer is on its way while the area's chunk downloads and React renders the shell. An area
 * without an entry asks when its view mounts, as before.
 */
import type { Client } from '../api/client';
import { startEarly } from '../api/early';
import { FIRST_FILTER, FIRST_ORDER, commentPageInput } from '../features/comments/comment-page-input';
import { DRAFTS_PAGE, NO_FILTERS, draftsListInput } from '../features/drafts/drafts-list-input';
import { draftIdOf, startDraftOpenRequests } from '../features/drafts/draft-open-requests';
import { NO_PLAN_FILTER, windowOf } from '../features/planning/plan-window';
import { todayLocal } from '../features/series/format';
import { parseHash, type Route } from './route';

/** Each returns, for a list of rows, the promise that its answer is in (see startAreaRequests). */
const EARLY: Partial<Record<Route['area'], (client: Client, rest: string[]) => Promise<void> | undefined>> = {
  // The list: its first page with no filters; a draft: its post and the workspace status.
  drafts: (client, rest) => {
    const id = draftIdOf(rest);
    if (id) startDraftOpenRequests(client, id);
    else if (rest.length === 0) return startEarly(client, 'posts.list', draftsListInput(false, NO_FILTERS, DRAFTS_PAGE));
    return undefined;
  },
  // The list of series (not one series, not the trash).
  series: (client, rest) => (rest.length === 0 ? startEarly(client, 'series.list', { trash: false }) : undefined),
  // The unfiltered review pane's first page of rows with its total (the counts follow its answer).
  comments: (client) => startEarly(client, 'comments.list', commentPageInput(FIRST_FILTER, FIRST_ORDER, 0, true)),
  // The calendar as Planning opens with no address: this month's grid, no filter, with the tray.
  // For you: the open notes that mention me.
  'for-you': (client) => startEarly(client, 'notes.forYou', {}),
  planning: (client, rest) => (rest.length === 0 ? startEarly(client, 'planning.view', { ...windowOf('month', todayLocal()), filter: NO_PLAN_FILTER, tray: true }) : undefined),
};

/**
 * Starts the area's first request; returns a promise that settles once the rows' answer is in,
 * or null when the address asks for no list of rows (a draft's view waits for its chunk and body
 * anyway, and its shell should not wait for them).
 */
export function startAreaRequests(client: Client, route: Route): Promise<void> | null {
  return EARLY[route.area]?.(client, route.rest) ?? null;
}

/**
 * Opening a draft from inside the window (a link in the list, the search, back and forward):
 * its requests leave as the address changes. Call before React's router subscribes: listeners
 * run in the order they were added, so these leave before React renders the new view.
 */
export function startDraftRequestsOnNavigation(client: Client): () => void {
  const onHash = () => {
    const route = parseHash(window.location.hash);
    const id = route.area === 'drafts' ? draftIdOf(route.rest) : null;
    if (id) startDraftOpenRequests(client, id);
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
