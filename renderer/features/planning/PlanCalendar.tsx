import { useCallback, useMemo, useRef, useState } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import type { PlanFilter, PlanPost } from '../../../common/api/planning';
import { useClient } from '../../api/ClientContext';
import { useStableCallback } from '../../shell/useStableCallback';
import { downloadText } from '../../shell/download';
import { formatDate, formatLongDay, formatMonth } from '../../format/dates';
import { CalendarGrid } from './CalendarGrid';
import { PlanWarnings } from './PlanWarnings';
import { PlanFilters } from './PlanFilters';
import { PlanList } from './PlanList';
import { postName } from './PlanChip';
import { Tray, TRAY_ID } from './Tray';
import { dateOfDroppable, keyboardDays, PLAN_ANNOUNCEMENTS, PLAN_INSTRUCTIONS, planCollisions } from './plan-dnd';
import { goPlan, stepDate, windowOf, type PlanRoute } from './plan-route';
import { addDays } from '../../../common/series/dates';
import { useFacets, usePlanData } from './usePlanData';

const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const ACCESSIBILITY = { announcements: PLAN_ANNOUNCEMENTS, screenReaderInstructions: PLAN_INSTRUCTIONS };

const VIEWS = [
  { id: 'month', label: 'Month' },
  { id: 'week', label: 'Week' },
  { id: 'list', label: 'List' },
] as const;

/** Every post by planned date, any series or none, with the tray, filters, warnings and export. */
export function PlanCalendar({ route, today, announce }: { route: PlanRoute; today: string; announce: (m: string) => void }) {
  const client = useClient();
  const { from, to } = windowOf(route.view, route.date);
  const { view, error, setError, redate, replace } = usePlanData(from, to, route.filter);
  const { facets } = useFacets();
  const [exporting, setExporting] = useState(false);
  const month = route.date.slice(0, 7);

  const startDay = useCallback(() => (today >= from && today <= to ? today : route.view === 'week' ? from : `${month}-01`), [today, from, to, route.view, month]);
  const startDayRef = useRef(startDay);
  startDayRef.current = startDay;
  const [keys] = useState(() => keyboardDays(() => startDayRef.current()));
  // Options of the same identity keep the sensors, and so dnd-kit's context, the same from one render
  // to the next: a new context re-renders every day and chip on the calendar.
  const keyboardOptions = useMemo(() => ({ coordinateGetter: keys.getter }), [keys]);
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, keyboardOptions));

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    const post = active.data.current?.post as PlanPost | undefined;
    const held = keys.held();
    keys.reset();
    if (!post || (!over && !held)) return;
    // A keyboard drop lands where the arrows went, whether or not dnd-kit's `over` has caught up.
    const date = held ?? (over!.id === TRAY_ID ? null : dateOfDroppable(over!.id));
    if (date === post.plannedDate || (date === null && over?.id !== TRAY_ID)) return;
    const saved = await redate(post, date);
    if (saved) announce(date ? `“${postName(saved)}” planned for ${formatLongDay(date)}.` : `“${postName(saved)}” is unscheduled.`);
  };

  const go = (patch: Partial<PlanRoute>) => goPlan({ ...route, ...patch });
  const onFilter = useStableCallback((filter: PlanFilter) => go({ filter }));
  const exportAs = async (format: 'csv' | 'ics') => {
    setExporting(true);
    try {
      downloadText(await client.call('planning.export', { from, to, filter: route.filter, format }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const onAssign = async (postId: string, change: { ownerId?: string | null; reviewerId?: string | null }) => {
    try {
      replace(await client.call('planning.assign', { postId, ...change }));
      announce('Saved.');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const title = gridTitle(route.view, from);
  return (
    <DndContext sensors={sensors} collisionDetection={planCollisions} onDragStart={keys.reset} onDragCancel={keys.reset} onDragEnd={onDragEnd} accessibility={ACCESSIBILITY}>
      <div className="plan-toolbar">
        <div role="group" aria-label="View" className="plan-toolbar__views">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" className="button button--small" aria-pressed={route.view === v.id} onClick={() => go({ view: v.id })}>
              {v.label}
            </button>
          ))}
        </div>
        <button type="button" className="button" onClick={() => go({ date: stepDate(route.view, route.date, -1) })}>
          ← Previous {route.view === 'week' ? 'week' : 'month'}
        </button>
        <h2 className="plan-toolbar__title" aria-live="polite" data-testid="plan-title">
          {title}
        </h2>
        <button type="button" className="button" onClick={() => go({ date: stepDate(route.view, route.date, 1) })}>
          Next {route.view === 'week' ? 'week' : 'month'} →
        </button>
        <button type="button" className="button" onClick={() => go({ date: today })}>
          Today
        </button>
        <div role="group" aria-label="Export what is shown" className="plan-toolbar__export">
          <button type="button" className="button button--small" disabled={exporting} onClick={() => exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" className="button button--small" disabled={exporting} onClick={() => exportAs('ics')}>
            Export .ics
          </button>
        </div>
      </div>
      <PlanFilters facets={facets} filter={route.filter} onChange={onFilter} />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <p id="plan-dnd-hint" className="muted plan-hint">
        Drag a post by its handle ⠿ to a day or the tray, or focus the handle: Space, arrow keys (up and down: a week), Space.
      </p>
      {view && (
        <div className="plan-body">
          <div className="plan-main">
            {(view.clashes.length > 0 || view.emptyWeeks.length > 0) && <PlanWarnings clashes={view.clashes} emptyWeeks={view.emptyWeeks} />}
            {route.view === 'list' ? (
              <PlanList view={view} facets={facets} onAssign={onAssign} />
            ) : (
              <CalendarGrid view={view} mode={route.view === 'week' ? 'week' : 'month'} label={`Planned posts, ${gridTitle(route.view, view.from)}`} />
            )}
          </div>
          <Tray posts={view.tray} />
        </div>
      )}
    </DndContext>
  );
}

/** The window's name; the grid's label takes it from the data shown, the heading from the route. */
function gridTitle(view: PlanRoute['view'], from: string): string {
  return view === 'week' ? `Week of ${formatDate(from)}` : formatMonth(addDays(from, 7).slice(0, 7));
}
