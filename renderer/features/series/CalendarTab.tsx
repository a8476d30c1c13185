import { useRef, useState, type KeyboardEvent } from 'react';
import type { SeriesDetail, SeriesPost } from '../../../common/api/series';
import { addDays, monthGrid, shiftMonth } from '../../../common/series/dates';
import { DateField } from './DateField';
import { statusLabel } from '../../../common/series/workflow';
import { acceptPostDrag, droppedPostId, startPostDrag } from './dnd';
import { formatDate, formatLongDay, formatMonth, todayLocal } from './format';
import type { SeriesActions } from './useSeriesDetail';
import { useRefocus } from './useRefocus';

interface Props {
  actions: SeriesActions;
  detail: SeriesDetail;
  announce: (message: string) => void;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** Everything a list row shows, in one line that the chip truncates (its title tooltip has it whole). */
function chipFacts(p: SeriesPost): string {
  return [
    p.authors.map((a) => a.name).join(', ') || 'No guest yet',
    statusLabel(p.status),
    `${p.wordCount} words`,
    p.deadline ? `deadline ${formatDate(p.deadline)}` : '',
    p.overdue ? 'Overdue' : '',
    p.clash ? 'Clash' : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Month grid of planned dates. Drag a post to a day, or focus it and press Alt+arrows (a day, a week). */
export function CalendarTab({ actions, detail, announce }: Props) {
  const [month, setMonth] = useState(() => todayLocal().slice(0, 7));
  const [over, setOver] = useState<string | null>(null);
  const calendarRef = useRef<HTMLDivElement>(null);
  const refocus = useRefocus(calendarRef, detail);
  const weeks = monthGrid(month);
  const unplanned = detail.posts.filter((p) => !p.plannedDate);
  const clashDays = new Set(detail.plan.clashes.map((c) => c.date));
  // Mark the day a post was due by when the cadence left a gap, so the hole shows on the grid.
  const gapDue = new Map(detail.plan.gaps.map((g) => [g.dueBy, g]));

  /** To a day (a drop or a date field), or some days from where the post is when this runs (keys). */
  const redate = async (postId: string, target: { date: string } | { by: number }, keepFocus: boolean) => {
    const next = await actions.run('series.setDate', (current) => {
      const post = current.posts.find((p) => p.id === postId);
      if (!post) return null;
      const date = 'date' in target ? target.date : post.plannedDate && addDays(post.plannedDate, target.by);
      if (!date || date === post.plannedDate) return null;
      return { postId, plannedDate: date };
    });
    const moved = next?.posts.find((p) => p.id === postId);
    if (!moved?.plannedDate) return;
    announce(`“${moved.title || moved.slug}” planned for ${formatLongDay(moved.plannedDate)}.`);
    setMonth(moved.plannedDate.slice(0, 7));
    if (keepFocus) refocus(postId);
  };

  const onChipKey = (e: KeyboardEvent, post: SeriesPost) => {
    const step = KEY_STEPS[e.key];
    if (!e.altKey || !step || !post.plannedDate) return;
    e.preventDefault();
    redate(post.id, { by: step }, true);
  };

  const chip = (p: SeriesPost) => (
    <div
      key={p.id}
      title={`${p.position}. ${p.title || p.slug}: ${chipFacts(p)}`}
      className={`calendar__chip${p.overdue ? ' is-overdue' : ''}${p.clash ? ' is-clash' : ''}`}
      data-post-id={p.id}
      tabIndex={0}
      draggable
      aria-describedby="calendar-hint"
      onDragStart={(e) => startPostDrag(e, p.id)}
      onKeyDown={(e) => onChipKey(e, p)}
    >
      <span className="calendar__chip-title">
        {p.position}. {p.title || p.slug}
      </span>
      <span className="calendar__chip-meta">{chipFacts(p)}</span>
    </div>
  );

  return (
    <div className="calendar" ref={calendarRef}>
      <div className="calendar__toolbar">
        <button type="button" className="button" onClick={() => setMonth(shiftMonth(month, -1))}>
          ← Previous month
        </button>
        <h2 className="calendar__month" aria-live="polite">
          {formatMonth(month)}
        </h2>
        <button type="button" className="button" onClick={() => setMonth(shiftMonth(month, 1))}>
          Next month →
        </button>
        <button type="button" className="button" onClick={() => setMonth(todayLocal().slice(0, 7))}>
          This month
        </button>
      </div>
      <p id="calendar-hint" className="muted series-hint">
        Drag a post to another day, or focus it and press <kbd>Alt</kbd>+<kbd>←</kbd>/<kbd>→</kbd> for a day, <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> for a
        week. Deadlines are shown in each day too.
      </p>
      <table className="calendar__grid" aria-label={`Planned posts, ${formatMonth(month)}`}>
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
            <tr key={week[0]}>
              {week.map((day) => {
                const planned = detail.posts.filter((p) => p.plannedDate === day);
                const due = detail.posts.filter((p) => p.deadline === day);
                return (
                  <td
                    key={day}
                    data-date={day}
                    className={`calendar__day${day.slice(0, 7) !== month ? ' is-other-month' : ''}${over === day ? ' is-drop-target' : ''}${clashDays.has(day) ? ' is-clash' : ''}`}
                    onDragOver={(e) => acceptPostDrag(e) && setOver(day)}
                    onDragLeave={() => setOver(null)}
                    onDrop={(e) => {
                      setOver(null);
                      const id = droppedPostId(e);
                      if (id) redate(id, { date: day }, false);
                    }}
                  >
                    <span className="calendar__date" aria-label={formatLongDay(day)}>
                      {Number(day.slice(8))}
                    </span>
                    {clashDays.has(day) && <span className="badge badge--clash">Clash</span>}
                    {gapDue.has(day) && (
                      <div className="calendar__gap">Gap: the next post was due by this day ({gapDue.get(day)!.days} days between posts)</div>
                    )}
                    {planned.map(chip)}
                    {due.map((p) => (
                      <div key={`d-${p.id}`} className={`calendar__deadline${p.overdue ? ' is-overdue' : ''}`}>
                        Deadline: {p.title || p.slug}
                        {p.overdue ? ' (overdue)' : ''}
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section className="calendar__unplanned" aria-labelledby="unplanned-title">
        <h3 id="unplanned-title">Not planned yet ({unplanned.length})</h3>
        {unplanned.length === 0 ? (
          <p className="muted">Every post has a planned date.</p>
        ) : (
          <ul className="calendar__tray">
            {unplanned.map((p) => (
              <li key={p.id}>
                {chip(p)}
                <DateField label={`Planned date for “${p.title || p.slug}”`} hideLabel value={null} onCommit={(date) => date && redate(p.id, { date }, false)} />
              </li>
            ))}
          </ul>
        )}
        {detail.posts.some((p) => p.plannedDate && p.plannedDate.slice(0, 7) !== month) && (
          <p className="muted">
            Other months: {detail.posts.filter((p) => p.plannedDate && p.plannedDate.slice(0, 7) !== month).map((p) => `${p.title || p.slug} (${formatDate(p.plannedDate!)})`).join('; ')}
          </p>
        )}
      </section>
    </div>
  );
}
