/**
 * The words a screen reader hears while a post is dragged in the running order, on the board and
 * on the calendar (with the mouse, or the keyboard: Space to pick up, arrows, Space to drop).
 */
import type { Active, Over } from '@dnd-kit/core';
import type { SeriesPost } from '../../../common/api/series';
import { statusLabel } from '../../../common/series/workflow';
import { heldAnnouncements } from '../../dnd/announcements';
import { dateOfDroppable } from '../../dnd/keyboard';
import { formatLongDay } from './format';

export const postOf = (item: Active | Over): SeriesPost | undefined => item.data.current?.post as SeriesPost | undefined;
const nameOf = (item: Active) => {
  const post = postOf(item);
  return post ? `“${post.title || post.slug}”` : 'the post';
};

/** Index and count that dnd-kit's sortable keeps in an item's data. */
const sortable = (item: Active | Over) => item.data.current?.sortable as { index: number; items: unknown[] } | undefined;
const placeOf = (item: Active | Over) => `position ${(sortable(item)?.index ?? 0) + 1} of ${sortable(item)?.items.length ?? 0}`;

export const ORDER_ANNOUNCEMENTS = heldAnnouncements({
  pickedUp: (a) => `Picked up post ${(sortable(a)?.index ?? 0) + 1}, ${nameOf(a)}. The up and down arrow keys move it; Space drops it; Escape puts it back.`,
  isHome: (a, o) => o.id === a.id,
  over: (_a, o) => `Moved to position ${placeOf(o).slice('position '.length)}.`,
  outside: (a) => `${nameOf(a)} is outside the list; dropping it here changes nothing.`,
  unchanged: (a, cancelled) => `${cancelled ? 'Cancelled. ' : ''}${nameOf(a)} stays at ${placeOf(a)}.`,
});

export const ORDER_INSTRUCTIONS = {
  draggable: 'To move a post in the running order, press Space or Enter on its handle, then the up and down arrow keys; Space or Enter drops it, Escape cancels.',
};

export const columnId = (status: string) => `status:${status}`;
export const statusOfDroppable = (id: unknown): string | null => (typeof id === 'string' && id.startsWith('status:') ? id.slice(7) : null);

export const BOARD_ANNOUNCEMENTS = heldAnnouncements({
  pickedUp: (a) => `Picked up ${nameOf(a)}, in ${statusLabel(postOf(a)?.status ?? '')}. The left and right arrow keys move it to another column; Space drops it; Escape puts it back.`,
  isHome: (a, o) => statusOfDroppable(o.id) === postOf(a)?.status,
  over: (_a, o) => `Over ${statusLabel(statusOfDroppable(o.id) ?? '')}.`,
  outside: (a) => `${nameOf(a)} is outside the columns; dropping it here changes nothing.`,
  unchanged: (a, cancelled) => `${cancelled ? 'Cancelled. ' : ''}${nameOf(a)} stays in ${statusLabel(postOf(a)?.status ?? '')}.`,
});

export const BOARD_INSTRUCTIONS = {
  draggable: 'To change a post’s status, press Space or Enter on its handle, then the left and right arrow keys to choose a column; Space or Enter drops it, Escape cancels.',
};

export const UNPLANNED_ID = 'unplanned';
const dayWords = (date: string | null | undefined) => (date ? formatLongDay(date) : 'not planned');

export const CALENDAR_ANNOUNCEMENTS = heldAnnouncements({
  pickedUp: (a) =>
    `Picked up ${nameOf(a)}, ${postOf(a)?.plannedDate ? `planned for ${formatLongDay(postOf(a)!.plannedDate!)}` : 'not planned yet'}. The arrow keys move it a day, or a week with up and down; Space drops it; Escape puts it back.`,
  isHome: (a, o) => (o.id === UNPLANNED_ID ? !postOf(a)?.plannedDate : dateOfDroppable(o.id) === postOf(a)?.plannedDate),
  over: (_a, o) => (o.id === UNPLANNED_ID ? 'Over Not planned yet.' : `Over ${formatLongDay(dateOfDroppable(o.id)!)}.`),
  outside: (a) => `${nameOf(a)} is outside the calendar; dropping it here changes nothing.`,
  unchanged: (a, cancelled) => `${cancelled ? 'Cancelled. ' : ''}${nameOf(a)} stays ${postOf(a)?.plannedDate ? `on ${dayWords(postOf(a)!.plannedDate)}` : 'not planned'}.`,
});

export const CALENDAR_INSTRUCTIONS = {
  draggable: 'To plan a post for another day, press Space or Enter on it, then the arrow keys: left and right for a day, up and down for a week. Space or Enter drops it, Escape cancels.',
};
