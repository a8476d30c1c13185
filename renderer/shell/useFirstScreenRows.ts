import { useAfterPaint } from './useAfterPaint';

/**
 * As many rows as the tallest usual window shows (a row of a list is at least ~60 px high):
 * the rows a person can see at once, plus some.
 */
export const FIRST_SCREEN_ROWS = 24;

/**
 * How many of a list's rows to draw: on the list's first render, only those that can be on screen;
 * from the task after its first frame, all of them. A cold open's first frame waits for React to
 * build, and the browser to style and lay out, every row in the list (a hundred drafts, 800
 * elements), when the window shows a tenth of them; the rest follow in the next frame, real rows
 * with real data, before anyone could scroll to them. A list that mounts without its rows (its
 * answer still on the way) draws them all when they come, as its first frame is long past.
 */
export function useFirstScreenRows(): number {
  return useAfterPaint() ? Infinity : FIRST_SCREEN_ROWS;
}
