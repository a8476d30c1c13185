/**
 * Keyboard moves for dnd-kit that land on a drop target at every key press, rather than moving the
 * held item 25 px at a time: each arrow names the next target (a day, a column), and the item is
 * placed over that target's centre. Shared by the planning calendar and the series board and calendar.
 */
import { closestCenter, pointerWithin, type CollisionDetection, type KeyboardCoordinateGetter, type UniqueIdentifier } from '@dnd-kit/core';
import { addDays } from '../../common/series/dates';

/** Where an arrow key (`event.code`) takes the held item from the target it is over now (null: from none yet). */
export type NextTarget = (code: string, over: UniqueIdentifier | null) => UniqueIdentifier | null | undefined;

export function targetKeyboardCoordinates(next: NextTarget): KeyboardCoordinateGetter {
  return (event, { context }) => {
    if (!event.code.startsWith('Arrow') || !context.collisionRect) return undefined;
    event.preventDefault();
    const target = next(event.code, context.over?.id ?? null);
    const rect = target == null ? undefined : context.droppableRects.get(target);
    if (!rect) return undefined;
    return { x: rect.left + (rect.width - context.collisionRect.width) / 2, y: rect.top + (rect.height - context.collisionRect.height) / 2 };
  };
}

export const dayId = (date: string) => `day:${date}`;
export const dateOfDroppable = (id: unknown): string | null => (typeof id === 'string' && id.startsWith('day:') ? id.slice(4) : null);

const DAY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** Arrows move a day left or right, a week up or down; from outside the grid (a tray), the first arrow goes to `startDay`. */
export function dayKeyboardCoordinates(startDay: () => string): KeyboardCoordinateGetter {
  return targetKeyboardCoordinates((code, over) => {
    const step = DAY_STEPS[code];
    if (step === undefined) return undefined;
    const current = dateOfDroppable(over);
    return dayId(current ? addDays(current, step) : startDay());
  });
}

/**
 * The pointer decides where a mouse drop lands. A keyboard move has no pointer: the target under the
 * held item's centre decides (so an item picked up in a tray starts over the tray, not over the
 * nearest day), else the nearest centre.
 */
export const pointerOrCentre: CollisionDetection = (args) => {
  if (args.pointerCoordinates) return pointerWithin(args);
  const r = args.collisionRect;
  const under = pointerWithin({ ...args, pointerCoordinates: { x: r.left + r.width / 2, y: r.top + r.height / 2 } });
  return under.length ? under : closestCenter(args);
};
