/**
 * How often a series publishes: "weekly", "fortnightly", "monthly" or a custom "N days".
 * The plan flags a gap when two consecutive planned dates are further apart than this.
 */
import { addDays, addMonths } from './dates';

export const NAMED_CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
export const CADENCE_RE = /^(?:weekly|fortnightly|monthly|[1-9]\d{0,2} days?)$/;
export const CADENCE_HINT = 'a cadence is weekly, fortnightly, monthly or a number of days such as "10 days"';

/** The latest date the next post may have after `date` without leaving a gap. */
export function nextDueDate(cadence: string, date: string): string {
  if (cadence === 'weekly') return addDays(date, 7);
  if (cadence === 'fortnightly') return addDays(date, 14);
  if (cadence === 'monthly') return addMonths(date, 1);
  const m = /^(\d+) days?$/.exec(cadence);
  if (!m) throw new RangeError(`"${cadence}" is not a cadence: ${CADENCE_HINT}`);
  return addDays(date, Number(m[1]));
}

export function describeCadence(cadence: string): string {
  if (cadence === 'weekly') return 'every week';
  if (cadence === 'fortnightly') return 'every two weeks';
  if (cadence === 'monthly') return 'every month';
  return `every ${cadence}`;
}
