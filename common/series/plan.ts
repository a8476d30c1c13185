/**
 * Checks a series' schedule: clashes (two posts planned on one day), gaps (consecutive planned
 * dates further apart than the cadence) and overdue commissions (deadline passed, nothing
 * delivered). Pure, so the store, the exports and the calendar all flag the same things.
 */
import { nextDueDate } from './cadence';
import { addDays, daysBetween, toUtcMs } from './dates';

export interface PlanEntry {
  id: string;
  title: string;
  position: number;
  plannedDate: string | null;
  deadline: string | null;
  deliveredAt: string | null;
}

export interface Clash {
  date: string;
  postIds: string[];
}

export interface Gap {
  from: string;
  to: string;
  days: number;
  /** The posts either side of the gap. */
  afterPostId: string;
  beforePostId: string;
  /** The last date the later post could have had without a gap. */
  dueBy: string;
}

export interface Overdue {
  postId: string;
  deadline: string;
  daysLate: number;
}

export interface PlanCheck {
  clashes: Clash[];
  gaps: Gap[];
  overdue: Overdue[];
}

export function isOverdue(e: Pick<PlanEntry, 'deadline' | 'deliveredAt'>, today: string): boolean {
  return e.deadline !== null && e.deliveredAt === null && e.deadline < today;
}

/** Days that hold more than one planned post, in date order; the entries need not share a series. */
export function findClashes(entries: readonly Pick<PlanEntry, 'id' | 'plannedDate'>[]): Clash[] {
  const byDate = new Map<string, string[]>();
  for (const e of entries) {
    if (e.plannedDate === null) continue;
    const ids = byDate.get(e.plannedDate) ?? [];
    ids.push(e.id);
    byDate.set(e.plannedDate, ids);
  }
  return [...byDate]
    .filter(([, ids]) => ids.length > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, postIds]) => ({ date, postIds }));
}

/** A Monday-to-Sunday week with nothing planned in it. */
export interface EmptyWeek {
  /** The week's Monday. */
  from: string;
  /** The week's Sunday. */
  to: string;
}

/** The Monday of the week holding `date`. */
export function weekStart(date: string): string {
  const weekday = (new Date(toUtcMs(date)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/**
 * The whole weeks between `from` and `to` (inclusive, Monday first) in which no entry is
 * planned: the gap check across every series at once, where no one cadence applies.
 */
export function findEmptyWeeks(entries: readonly Pick<PlanEntry, 'plannedDate'>[], from: string, to: string): EmptyWeek[] {
  const busy = new Set<string>();
  for (const e of entries) if (e.plannedDate !== null) busy.add(weekStart(e.plannedDate));
  const weeks: EmptyWeek[] = [];
  for (let monday = weekStart(from); monday <= to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    if (monday >= from && sunday <= to && !busy.has(monday)) weeks.push({ from: monday, to: sunday });
  }
  return weeks;
}

export function checkPlan(entries: readonly PlanEntry[], cadence: string, today: string): PlanCheck {
  const dated = entries
    .filter((e): e is PlanEntry & { plannedDate: string } => e.plannedDate !== null)
    .sort((a, b) => (a.plannedDate < b.plannedDate ? -1 : a.plannedDate > b.plannedDate ? 1 : a.position - b.position));

  const clashes = findClashes(dated);

  const gaps: Gap[] = [];
  for (let i = 1; i < dated.length; i++) {
    const prev = dated[i - 1];
    const next = dated[i];
    if (prev.plannedDate === next.plannedDate) continue;
    const dueBy = nextDueDate(cadence, prev.plannedDate);
    if (next.plannedDate > dueBy) {
      gaps.push({
        from: prev.plannedDate,
        to: next.plannedDate,
        days: daysBetween(prev.plannedDate, next.plannedDate),
        afterPostId: prev.id,
        beforePostId: next.id,
        dueBy,
      });
    }
  }

  const overdue = entries
    .filter((e) => isOverdue(e, today))
    .map((e) => ({ postId: e.id, deadline: e.deadline as string, daysLate: daysBetween(e.deadline as string, today) }));

  return { clashes, gaps, overdue };
}
