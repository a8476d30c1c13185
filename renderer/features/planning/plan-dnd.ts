/**
 * Dragging on the planning calendar with dnd-kit: the mouse, or the keyboard (Space or Enter to
 * pick a post up, arrows a day or a week at a time, Space or Enter to drop, Escape to cancel),
 * and what a screen reader hears at each step.
 */
import type { Announcements } from '@dnd-kit/core';
import type { PlanPost } from '../../../common/api/planning';
import { dateOfDroppable } from '../../dnd/keyboard';
import { formatLongDay } from '../series/format';
import { postName } from './PlanChip';
import { TRAY_ID } from './Tray';

// The day-by-day keyboard moves and the collision rule are shared with the series calendar.
export { dateOfDroppable, dayKeyboardCoordinates, pointerOrCentre as planCollisions } from '../../dnd/keyboard';

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
