import { memo } from 'react';
import type { PlanView } from '../../../common/api/planning';
import { addDays } from '../../../common/series/dates';
import { DayCell } from './DayCell';
import { WeekdayHead } from '../calendar/WeekdayHead';


/**
 * The month (every week of the window) or one week: a row per week; a week with nothing planned is
 * shaded. Everything shown comes from `view`, so a click on Next month re-renders nothing here until
 * the new month's posts are in, and a drop re-renders only the two days it changed.
 */
export const CalendarGrid = memo(function CalendarGrid({ view, mode, label }: { view: PlanView; mode: 'month' | 'week'; label: string }) {
  const byDay = new Map<string, PlanView['posts']>();
  for (const p of view.posts) byDay.set(p.plannedDate!, [...(byDay.get(p.plannedDate!) ?? []), p]);
  const clashDays = new Set(view.clashes.map((c) => c.date));
  const empty = new Set(view.emptyWeeks.map((w) => w.from));
  // A month's grid starts on the Monday of the week holding the 1st, so its second week is all in the month.
  const month = mode === 'month' ? addDays(view.from, 7).slice(0, 7) : null;
  const weeks: string[][] = [];
  for (let monday = view.from; monday <= view.to; monday = addDays(monday, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  return (
    <table className={`plan-grid${month ? '' : ' plan-grid--week'}`} aria-label={label}>
      <WeekdayHead />
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]} className={empty.has(week[0]) ? 'is-empty-week' : undefined} title={empty.has(week[0]) ? 'Nothing planned this week' : undefined}>
            {week.map((day) => (
              <DayCell key={day} date={day} posts={byDay.get(day) ?? NONE} outside={month !== null && day.slice(0, 7) !== month} today={view.today} clashing={clashDays.has(day)} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

const NONE: PlanView['posts'] = [];
