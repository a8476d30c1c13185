/**
 * The Planning area's state in the URL (#/planning/<tab>/<view>/<date>/<filters>), so a view
 * with its filters can be bookmarked, reloaded and returned to with Back.
 */
import { PlanFilter } from '../../../common/api/planning';
import { addDays, addMonths, isCalendarDate, monthGrid } from '../../../common/series/dates';
import { weekStart } from '../../../common/series/plan';
import { navigate } from '../../shell/router';

export const TABS = [
  { id: 'calendar', label: 'Calendar' },
  { id: 'mywork', label: 'My work' },
  { id: 'people', label: 'People' },
  { id: 'rules', label: 'Checklist rules' },
] as const;
export type Tab = (typeof TABS)[number]['id'];
export type CalendarView = 'month' | 'week' | 'list';

export interface PlanRoute {
  tab: Tab;
  view: CalendarView;
  /** A day inside the month or week shown. */
  date: string;
  filter: PlanFilter;
}

const FILTER_KEYS = { series: 'seriesIds', status: 'statuses', author: 'authorIds', tag: 'tags', owner: 'ownerIds' } as const;

export function parsePlanRoute(rest: string[], today: string): PlanRoute {
  const tab = TABS.some((t) => t.id === rest[0]) ? (rest[0] as Tab) : 'calendar';
  const view = (['month', 'week', 'list'] as const).find((v) => v === rest[1]) ?? 'month';
  const date = rest[2] && isCalendarDate(rest[2]) ? rest[2] : today;
  const q = new URLSearchParams(rest[3] ?? '');
  const raw: Record<string, string[]> = {};
  for (const [k, field] of Object.entries(FILTER_KEYS)) raw[field] = q.getAll(k);
  const parsed = PlanFilter.safeParse(raw);
  return { tab, view, date, filter: parsed.success ? parsed.data : PlanFilter.parse({}) };
}

export function planHref(r: PlanRoute): string[] {
  const q = new URLSearchParams();
  for (const [k, field] of Object.entries(FILTER_KEYS)) for (const v of r.filter[field]) q.append(k, v);
  return [r.tab, r.view, r.date, q.toString()].filter((s, i) => i < 3 || s);
}

export function goPlan(r: PlanRoute): void {
  navigate('planning', ...planHref(r));
}

/** The days a view covers: the month's grid (whole weeks), one week, or the month for the list. */
export function windowOf(view: CalendarView, date: string): { from: string; to: string } {
  if (view === 'week') {
    const from = weekStart(date);
    return { from, to: addDays(from, 6) };
  }
  if (view === 'list') {
    const first = `${date.slice(0, 7)}-01`;
    return { from: first, to: addDays(addMonths(first, 1), -1) };
  }
  const weeks = monthGrid(date.slice(0, 7));
  return { from: weeks[0][0], to: weeks[weeks.length - 1][6] };
}

export function stepDate(view: CalendarView, date: string, by: number): string {
  return view === 'week' ? addDays(date, 7 * by) : `${addMonths(`${date.slice(0, 7)}-01`, by)}`;
}
