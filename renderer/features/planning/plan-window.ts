/**
 * The days a calendar view covers, in a module of its own without the filters' schema: the shell
 * asks for the first month's posts while the window boots (shell/early-requests.ts), before the
 * Planning chunk (and zod with it) is in.
 */
import type { PlanFilter } from '../../../common/api/planning';
import { addDays, addMonths, monthGrid } from '../../../common/series/dates';
import { weekStart } from '../../../common/series/plan';

export type CalendarView = 'month' | 'week' | 'list';

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

/** The filter of a Planning address that names none (what PlanFilter.parse({}) gives). */
export const NO_PLAN_FILTER: PlanFilter = { seriesIds: [], statuses: [], authorIds: [], tags: [], ownerIds: [] };
