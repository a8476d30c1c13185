/**
 * What each area asks the server for first, started as the window boots (api/early.ts), so the
 * answer is on its way while the area's chunk downloads and React renders the shell. An area
 * without an entry asks when its view mounts, as before.
 */
import type { Client } from '../api/client';
import { startEarly } from '../api/early';
import { FIRST_FILTER, FIRST_ORDER, commentPageInput } from '../features/comments/comment-page-input';
import { DRAFTS_PAGE, NO_FILTERS, draftsListInput } from '../features/drafts/drafts-list-input';
import { NO_PLAN_FILTER, windowOf } from '../features/planning/plan-window';
import { todayLocal } from '../features/series/format';
import type { Route } from './router';

const EARLY: Partial<Record<Route['area'], (client: Client, rest: string[]) => void>> = {
  // The list (not a draft, not the trash): its first page with no filters.
  drafts: (client, rest) => rest.length === 0 && startEarly(client, 'posts.list', draftsListInput(false, NO_FILTERS, DRAFTS_PAGE)),
  // The list of series (not one series, not the trash).
  series: (client, rest) => rest.length === 0 && startEarly(client, 'series.list', { trash: false }),
  // The unfiltered review pane's first page of rows with its total (the counts follow its answer).
  comments: (client) => startEarly(client, 'comments.list', commentPageInput(FIRST_FILTER, FIRST_ORDER, 0, true)),
  // The calendar as Planning opens with no address: this month's grid, no filter, with the tray.
  // For you: the open notes that mention me.
  'for-you': (client) => startEarly(client, 'notes.forYou', {}),
  planning: (client, rest) => rest.length === 0 && startEarly(client, 'planning.view', { ...windowOf('month', todayLocal()), filter: NO_PLAN_FILTER, tray: true }),
};

export function startAreaRequests(client: Client, route: Route): void {
  EARLY[route.area]?.(client, route.rest);
}
