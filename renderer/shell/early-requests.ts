/**
 * What each area asks the server for first, started as the window boots (api/early.ts), so the
 * answer is on its way while the area's chunk downloads and React renders the shell. An area
 * without an entry asks when its view mounts, as before.
 */
import type { Client } from '../api/client';
import { startEarly } from '../api/early';
import { DRAFTS_PAGE, NO_FILTERS, draftsListInput } from '../features/drafts/drafts-list-input';
import type { Route } from './router';

const EARLY: Partial<Record<Route['area'], (client: Client, rest: string[]) => void>> = {
  // The list (not a draft, not the trash): its first page with no filters.
  drafts: (client, rest) => rest.length === 0 && startEarly(client, 'posts.list', draftsListInput(false, NO_FILTERS, DRAFTS_PAGE)),
};

export function startAreaRequests(client: Client, route: Route): void {
  EARLY[route.area]?.(client, route.rest);
}
