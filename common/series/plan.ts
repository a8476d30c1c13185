/**
 * Checks a series' schedule: clashes (two posts planned on one day), gaps (consecutive planned
 * dates further apart than the cadence) and overdue commissions (deadline passed, nothing
 * delivered). Pure, so the store, the exports and the calendar all flag the same things.
 */
import { nextDueDate } from './cadence';
import { daysBetween } from './dates';

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

export function checkPlan(entries: readonly PlanEntry[], cadence: string, today: string): PlanCheck {
  const dated = entries
    .filter((e): e is PlanEntry & { plannedDate: string } => e.plannedDate !== null)
    .sort((a, b) => (a.plannedDate < b.plannedDate ? -1 : a.plannedDate > b.plannedDate ? 1 : a.position - b.position));

  const byDate = new Map<string, string[]>();
  for (const e of dated) {
    const ids = byDate.get(e.plannedDate) ?? [];
    ids.push(e.id);
    byDate.set(e.plannedDate, ids);
  }
  const clashes = [...byDate].filter(([, ids]) => ids.length > 1).map(([date, postIds]) => ({ date, postIds }));

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
