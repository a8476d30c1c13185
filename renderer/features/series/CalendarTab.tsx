import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { DndContext, useDroppable, type DragEndEvent } from '@dnd-kit/core';
import type { SeriesDetail, SeriesPost } from '../../../common/api/series';
import { addDays, monthGrid, shiftMonth } from '../../../common/series/dates';
import { dateOfDroppable, dayKeyboardCoordinates, pointerOrCentre } from '../../dnd/keyboard';
import { useDragSensors } from '../../dnd/sensors';
import { CalendarChip } from './CalendarChip';
import { CalendarDay } from './CalendarDay';
import { DateField } from './DateField';
import { formatDate, formatLongDay, formatMonth, todayLocal } from './format';
import { CALENDAR_ANNOUNCEMENTS, CALENDAR_INSTRUCTIONS, postOf, UNPLANNED_ID } from './series-dnd';
import type { SeriesActions } from './useSeriesDetail';
import { useRefocus } from './useRefocus';
import { WeekdayHead } from '../calendar/WeekdayHead';

interface Props {
  actions: SeriesActions;
  detail: SeriesDetail;
  announce: (message: string) => void;
}

const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * Month grid of planned dates. Drag a post to a day or back to "Not planned yet" (with the mouse,
 * or Space, arrows a day or a week at a time, Space), or focus it and press Alt+arrows.
 */
export function CalendarTab({ actions, detail, announce }: Props) {
  const [month, setMonth] = useState(() => todayLocal().slice(0, 7));
  const calendarRef = useRef<HTMLDivElement>(null);
  const refocus = useRefocus(calendarRef, detail);
  // The day a drop asked for, shown until the saved series arrives, so the chip does not jump back meanwhile.
  const [pending, setPending] = useState<{ postId: string; date: string | null } | null>(null);
  const posts = detail.posts.map((p) => (p.id === pending?.postId ? { ...p, plannedDate: pending.date } : p));
  const weeks = monthGrid(month);
  const unplanned = posts.filter((p) => !p.plannedDate);
  // From the tray, the first arrow goes to today when it is shown, else to the month's first day.
  const startDay = useCallback(() => (todayLocal().startsWith(month) ? todayLocal() : `${month}-01`), [month]);
  const sensors = useDragSensors(useMemo(() => dayKeyboardCoordinates(startDay), [startDay]));
  const clashDays = new Set(detail.plan.clashes.map((c) => c.date));
  // Mark the day a post was due by when the cadence left a gap, so the hole shows on the grid.
  const gapDue = new Map(detail.plan.gaps.map((g) => [g.dueBy, g]));

  /** To a day (a drop or a date field) or to none (a drop on the tray), or some days from where the post is when this runs (keys). */
  const redate = async (postId: string, target: { date: string | null } | { by: number }, keepFocus: boolean) => {
    const next = await actions.run('series.setDate', (current) => {
      const post = current.posts.find((p) => p.id === postId);
      if (!post) return null;
      const date = 'date' in target ? target.date : post.plannedDate && addDays(post.plannedDate, target.by);
      if (date === undefined || date === post.plannedDate || (date === null && !('date' in target))) return null;
      return { postId, plannedDate: date };
    });
    const moved = next?.posts.find((p) => p.id === postId);
    if (!moved) return;
    if (!moved.plannedDate) return announce(`“${moved.title || moved.slug}” is not planned any more.`);
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

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    const post = postOf(active);
    const date = over?.id === UNPLANNED_ID ? null : dateOfDroppable(over?.id);
    if (!post || !over || (date === null && over.id !== UNPLANNED_ID) || date === post.plannedDate) return;
    setPending({ postId: post.id, date });
    await redate(post.id, { date }, false);
    setPending(null);
  };

  const chip = (p: SeriesPost) => <CalendarChip key={p.id} post={p} onKey={onChipKey} />;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerOrCentre}
      onDragEnd={onDragEnd}
      accessibility={{ announcements: CALENDAR_ANNOUNCEMENTS, screenReaderInstructions: CALENDAR_INSTRUCTIONS }}
    >
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
          Drag a post to another day, or focus it, press <kbd>Space</kbd>, move it with the arrow keys and press <kbd>Space</kbd> again; or focus it and press{' '}
          <kbd>Alt</kbd>+<kbd>←</kbd>/<kbd>→</kbd> for a day, <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> for a week. Deadlines are shown in each day too.
        </p>
        <table className="calendar__grid" aria-label={`Planned posts, ${formatMonth(month)}`}>
          <WeekdayHead />
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]}>
                {week.map((day) => {
                  const planned = posts.filter((p) => p.plannedDate === day);
                  const due = posts.filter((p) => p.deadline === day);
                  return (
                    <CalendarDay key={day} date={day} className={`${day.slice(0, 7) !== month ? ' is-other-month' : ''}${clashDays.has(day) ? ' is-clash' : ''}`}>
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
                    </CalendarDay>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <UnplannedTray>
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
          {posts.some((p) => p.plannedDate && p.plannedDate.slice(0, 7) !== month) && (
            <p className="muted">
              Other months: {posts.filter((p) => p.plannedDate && p.plannedDate.slice(0, 7) !== month).map((p) => `${p.title || p.slug} (${formatDate(p.plannedDate!)})`).join('; ')}
            </p>
          )}
        </UnplannedTray>
      </div>
    </DndContext>
  );
}

/** "Not planned yet": where unplanned posts wait, and where a planned one is dropped to take its date away. */
function UnplannedTray({ children }: { children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: UNPLANNED_ID });
  return (
    <section ref={setNodeRef} className={`calendar__unplanned${isOver ? ' is-drop-target' : ''}`} aria-labelledby="unplanned-title">
      {children}
    </section>
  );
}
