/**
 * What a screen reader hears while an item is held, built from a view's own words. The first
 * target an item is over is the place it was picked up from, which is not news; every later
 * target is. A drop that changes something is confirmed by the view once it is saved, so only a
 * drop that changes nothing (or a cancel) is spoken here.
 */
import type { Active, Announcements, Over } from '@dnd-kit/core';

export interface HeldWords {
  pickedUp: (active: Active) => string;
  /** Whether `over` is where the item already is (its own place, day or column). */
  isHome: (active: Active, over: Over) => boolean;
  over: (active: Active, over: Over) => string;
  outside: (active: Active) => string;
  /** Dropped where it was, outside any target, or cancelled. */
  unchanged: (active: Active, cancelled: boolean) => string;
}

export function heldAnnouncements(words: HeldWords): Announcements {
  let moved = false;
  return {
    onDragStart: ({ active }) => {
      moved = false;
      return words.pickedUp(active);
    },
    onDragOver: ({ active, over }) => {
      if (!moved && over && words.isHome(active, over)) return undefined;
      moved = true;
      return over ? words.over(active, over) : words.outside(active);
    },
    onDragEnd: ({ active, over }) => (over && !words.isHome(active, over) ? undefined : words.unchanged(active, false)),
    onDragCancel: ({ active }) => words.unchanged(active, true),
  };
}
