import type { PlanView } from '../../../common/api/planning';
import { addDays } from '../../../common/series/dates';
import { DayCell } from './DayCell';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The month (every week of the window) or one week: a row per week; a week with nothing planned is shaded. */
export function CalendarGrid({ view, month, label }: { view: PlanView; month: string | null; label: string }) {
  const byDay = new Map<string, PlanView['posts']>();
  for (const p of view.posts) byDay.set(p.plannedDate!, [...(byDay.get(p.plannedDate!) ?? []), p]);
  const clashDays = new Set(view.clashes.map((c) => c.date));
  const empty = new Set(view.emptyWeeks.map((w) => w.from));
  const weeks: string[][] = [];
  for (let monday = view.from; monday <= view.to; monday = addDays(monday, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  return (
    <table className={`plan-grid${month ? '' : ' plan-grid--week'}`} aria-label={label}>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]} className={empty.has(week[0]) ? 'is-empty-week' : undefined} title={empty.has(week[0]) ? 'Nothing planned this week' : undefined}>
            {week.map((day) => (
              <DayCell key={day} date={day} posts={byDay.get(day) ?? []} outside={month !== null && day.slice(0, 7) !== month} today={view.today} clashing={clashDays.has(day)} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
