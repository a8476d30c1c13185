import { describe, expect, it } from 'vitest';
import { checkPlan, findClashes, findEmptyWeeks, isOverdue, weekStart, type PlanEntry } from './plan';
import { nextDueDate } from './cadence';
import { addMonths, monthGrid } from './dates';

const entry = (id: string, position: number, plannedDate: string | null, extra: Partial<PlanEntry> = {}): PlanEntry => ({
  id,
  title: id,
  position,
  plannedDate,
  deadline: null,
  deliveredAt: null,
  ...extra,
});

describe('checkPlan', () => {
  it('flags two posts of the series planned on one day as a clash', () => {
    const plan = checkPlan([entry('a', 1, '2026-03-02'), entry('b', 2, '2026-03-02'), entry('c', 3, '2026-03-09')], 'weekly', '2026-01-01');
    expect(plan.clashes).toEqual([{ date: '2026-03-02', postIds: ['a', 'b'] }]);
    expect(plan.gaps).toEqual([]);
  });

  it('flags a gap only when consecutive planned dates are further apart than a weekly cadence', () => {
    const plan = checkPlan(
      [entry('a', 1, '2026-03-02'), entry('b', 2, '2026-03-09'), entry('c', 3, '2026-03-17'), entry('d', 4, null)],
      'weekly',
      '2026-01-01',
    );
    expect(plan.gaps).toEqual([{ from: '2026-03-09', to: '2026-03-17', days: 8, afterPostId: 'b', beforePostId: 'c', dueBy: '2026-03-16' }]);
  });

  it('checks gaps in date order even when the running order differs', () => {
    const plan = checkPlan([entry('late', 1, '2026-05-01'), entry('early', 2, '2026-04-01')], 'fortnightly', '2026-01-01');
    expect(plan.gaps.map((g) => [g.afterPostId, g.beforePostId, g.days])).toEqual([['early', 'late', 30]]);
  });

  it('uses calendar months for a monthly cadence and a day count for a custom one', () => {
    expect(checkPlan([entry('a', 1, '2026-01-31'), entry('b', 2, '2026-02-28')], 'monthly', '2026-01-01').gaps).toEqual([]);
    expect(checkPlan([entry('a', 1, '2026-01-31'), entry('b', 2, '2026-03-01')], 'monthly', '2026-01-01').gaps).toHaveLength(1);
    expect(checkPlan([entry('a', 1, '2026-01-01'), entry('b', 2, '2026-01-11')], '10 days', '2026-01-01').gaps).toEqual([]);
    expect(checkPlan([entry('a', 1, '2026-01-01'), entry('b', 2, '2026-01-12')], '10 days', '2026-01-01').gaps).toHaveLength(1);
  });

  it('lists as overdue only posts whose deadline has passed and that were not delivered', () => {
    const entries = [
      entry('late', 1, null, { deadline: '2026-02-01' }),
      entry('delivered', 2, null, { deadline: '2026-02-01', deliveredAt: '2026-01-30T10:00:00.000Z' }),
      entry('due-today', 3, null, { deadline: '2026-02-10' }),
      entry('no-deadline', 4, null),
    ];
    expect(checkPlan(entries, 'weekly', '2026-02-10').overdue).toEqual([{ postId: 'late', deadline: '2026-02-01', daysLate: 9 }]);
    expect(isOverdue(entries[2], '2026-02-11')).toBe(true);
  });
});

describe('dates and cadence', () => {
  it('clamps a month later to the end of a shorter month, leap years included', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(nextDueDate('fortnightly', '2026-12-25')).toBe('2027-01-08');
  });

  it('refuses an unknown cadence with the accepted forms in the message', () => {
    expect(() => nextDueDate('daily-ish', '2026-01-01')).toThrow(/weekly, fortnightly, monthly/);
  });

  it('lays a month out in whole Monday-first weeks', () => {
    const weeks = monthGrid('2026-02');
    expect(weeks[0][0]).toBe('2026-01-26');
    expect(weeks.flat()).toContain('2026-02-28');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.at(-1)!.at(-1)).toBe('2026-03-01');
  });
});

describe('plans across series', () => {
  it('finds two posts on one day from different series, and ignores posts with no date', () => {
    expect(
      findClashes([
        { id: 'series-a-1', plannedDate: '2027-01-05' },
        { id: 'standalone', plannedDate: '2027-01-05' },
        { id: 'series-b-3', plannedDate: '2027-01-06' },
        { id: 'tray', plannedDate: null },
        { id: 'tray-2', plannedDate: null },
      ]),
    ).toEqual([{ date: '2027-01-05', postIds: ['series-a-1', 'standalone'] }]);
  });

  it('lists the whole Monday-to-Sunday weeks in a window with nothing planned', () => {
    const entries = [{ plannedDate: '2027-01-06' }, { plannedDate: '2027-01-24' }, { plannedDate: null }];
    // January 2027: Mondays are the 4th, 11th, 18th and 25th; the 1st is a Friday.
    expect(findEmptyWeeks(entries, '2027-01-01', '2027-01-31')).toEqual([
      { from: '2027-01-11', to: '2027-01-17' },
      { from: '2027-01-25', to: '2027-01-31' },
    ]);
    expect(weekStart('2027-01-03')).toBe('2026-12-28');
    expect(findEmptyWeeks([], '2027-01-04', '2027-01-10')).toEqual([{ from: '2027-01-04', to: '2027-01-10' }]);
  });
});
