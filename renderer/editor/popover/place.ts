/**
 * Where a pop-over goes: just below the text it belongs to, or above it when there is no room
 * below, shifted sideways to stay inside the window, and never under the editor's sticky
 * toolbar. Fixed positioning, so no scrolling container clips it. Pure arithmetic on rectangles,
 * so the rules are unit-tested without a browser.
 */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
  /** Set when the pop-over is taller than the room on either side: it scrolls inside this height. */
  maxHeight: number | null;
}

const GAP = 6;
const MARGIN = 8;

/**
 * anchor: the selection's (or marker's) box; size: the pop-over's; view: the window; floor: the
 * lowest edge of anything sticky at the top (the toolbar), which the pop-over must not cover.
 */
export function placePopover(anchor: Box, size: { width: number; height: number }, view: { width: number; height: number }, floor = 0): Placement {
  const minTop = Math.max(MARGIN, floor + GAP);
  const below = view.height - MARGIN - (anchor.bottom + GAP);
  const above = anchor.top - GAP - minTop;
  const left = Math.round(Math.min(Math.max(anchor.left, MARGIN), Math.max(MARGIN, view.width - MARGIN - size.width)));
  if (size.height <= below) return { top: Math.round(anchor.bottom + GAP), left, side: 'below', maxHeight: null };
  if (size.height <= above) return { top: Math.round(anchor.top - GAP - size.height), left, side: 'above', maxHeight: null };
  // Neither side has room: take the larger one and let the pop-over scroll.
  if (below >= above) return { top: Math.round(anchor.bottom + GAP), left, side: 'below', maxHeight: Math.max(80, Math.floor(below)) };
  const height = Math.max(80, Math.floor(above));
  return { top: Math.round(anchor.top - GAP - height), left, side: 'above', maxHeight: height };
}
