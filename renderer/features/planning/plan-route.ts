/**
 * The Planning area's state in the URL (#/planning/<tab>/<view>/<date>/<filters>), so a view
 * with its filters can be bookmarked, reloaded and returned to with Back.
 */
import type { PlanFilter } from '../../../common/api/planning';
import { isCalendarDate } from '../../../common/series/dates';
import { navigate } from '../../shell/router';
import { NO_PLAN_FILTER, type CalendarView } from './plan-window';

export { stepDate, windowOf, type CalendarView } from './plan-window';

export const TABS = [
  { id: 'calendar', label: 'Calendar' },
  { id: 'mywork', label: 'My work' },
  { id: 'people', label: 'People' },
  { id: 'rules', label: 'Checklist rules' },
] as const;
export type Tab = (typeof TABS)[number]['id'];

export interface PlanRoute {
  tab: Tab;
  view: CalendarView;
  /** A day inside the month or week shown. */
  date: string;
  filter: PlanFilter;
}

const FILTER_KEYS = { series: 'seriesIds', status: 'statuses', author: 'authorIds', tag: 'tags', owner: 'ownerIds' } as const;

/** The filters the address names, field by field; null when it names none (the usual first screen). */
export function namedFilters(rest: string[]): Record<string, string[]> | null {
  const q = new URLSearchParams(rest[3] ?? '');
  const raw: Record<string, string[]> = {};
  for (const [k, field] of Object.entries(FILTER_KEYS)) raw[field] = q.getAll(k);
  return Object.values(raw).some((v) => v.length > 0) ? raw : null;
}

/**
 * The address as a route. `parseFilter` checks named filters (plan-filter.ts, with the API's
 * schema); an address that names none needs no check, so the schema's chunk need not be loaded.
 */
export function parsePlanRoute(rest: string[], today: string, parseFilter?: (raw: Record<string, string[]>) => PlanFilter): PlanRoute {
  const tab = TABS.some((t) => t.id === rest[0]) ? (rest[0] as Tab) : 'calendar';
  const view = (['month', 'week', 'list'] as const).find((v) => v === rest[1]) ?? 'month';
  const date = rest[2] && isCalendarDate(rest[2]) ? rest[2] : today;
  const raw = namedFilters(rest);
  if (raw && !parseFilter) throw new Error('parsePlanRoute: this address names filters, so it needs parseFilter');
  return { tab, view, date, filter: raw ? parseFilter!(raw) : NO_PLAN_FILTER };
}

export function planHref(r: PlanRoute): string[] {
  const q = new URLSearchParams();
  for (const [k, field] of Object.entries(FILTER_KEYS)) for (const v of r.filter[field]) q.append(k, v);
  return [r.tab, r.view, r.date, q.toString()].filter((s, i) => i < 3 || s);
}

export function goPlan(r: PlanRoute): void {
  navigate('planning', ...planHref(r));
}

