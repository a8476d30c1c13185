/**
 * Dragging on the planning calendar with dnd-kit: the mouse, or the keyboard (Space or Enter to
 * pick a post up, arrows a day or a week at a time, Space or Enter to drop, Escape to cancel),
 * and what a screen reader hears at each step.
 */
import type { Announcements, KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { PlanPost } from '../../../common/api/planning';
import { addDays } from '../../../common/series/dates';
import { dateOfDroppable, dayId } from '../../dnd/keyboard';
import { formatLongDay } from '../series/format';
import { postName } from './PlanChip';
import { TRAY_ID } from './Tray';

// The collision rule and the day ids are shared with the series calendar.
export { dateOfDroppable, pointerOrCentre as planCollisions } from '../../dnd/keyboard';

const STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * Arrow keys move the held post to the next day's cell (or a week up or down) rather than 25 px,
 * so every key press lands on a day. From the tray, the first arrow goes to `startDay`.
 *
 * The day the keys reached is kept here rather than read back from dnd-kit's `over`: that settles
 * only after a render and an effect, so on a busy machine a quick arrow then Space would start from,
 * or drop on, the day before. `held()` is where a keyboard drop lands; null when no arrow moved it.
 */
export function keyboardDays(startDay: () => string) {
  let held: string | null = null;
  const getter: KeyboardCoordinateGetter = (event, { context }) => {
    const step = STEPS[event.code];
    if (step === undefined || !context.collisionRect) return undefined;
    event.preventDefault();
    const own = (context.active?.data.current?.post as PlanPost | undefined)?.plannedDate ?? null;
    const from = held ?? dateOfDroppable(context.over?.id) ?? (own && context.droppableRects.has(dayId(own)) ? own : null);
    const target = from ? addDays(from, step) : startDay();
    const rect = context.droppableRects.get(dayId(target));
    if (!rect) return undefined;
    held = target;
    return { x: rect.left + (rect.width - context.collisionRect.width) / 2, y: rect.top + (rect.height - context.collisionRect.height) / 2 };
  };
  return { getter, held: () => held, reset: () => void (held = null) };
}

const where = (id: unknown) => {
  const date = dateOfDroppable(id);
  return date ? formatLongDay(date) : id === TRAY_ID ? 'the unscheduled tray' : 'no day';
};
const nameOf = (active: { data: { current?: Record<string, unknown> } }) => {
  const post = active.data.current?.post as PlanPost | undefined;
  return post ? `“${postName(post)}”` : 'the post';
};

export const PLAN_ANNOUNCEMENTS: Announcements = {
  onDragStart: ({ active }) => `Picked up ${nameOf(active)}. Arrow keys move it a day or a week; Space drops it; Escape cancels.`,
  onDragOver: ({ active, over }) => `${nameOf(active)} is over ${where(over?.id)}.`,
  onDragEnd: ({ active, over }) => (over ? `${nameOf(active)} dropped on ${where(over.id)}.` : `${nameOf(active)} was not moved.`),
  onDragCancel: ({ active }) => `Moving ${nameOf(active)} was cancelled; it stays where it was.`,
};

export const PLAN_INSTRUCTIONS = {
  draggable: 'To move a post, press Space or Enter, then the arrow keys: left and right for a day, up and down for a week. Press Space or Enter to drop it, Escape to cancel.',
};
