import { describe, expect, it } from 'vitest';
import { placePopover } from './place';

const view = { width: 1280, height: 800 };
const size = { width: 384, height: 200 };
const at = (top: number, left: number, height = 20) => ({ top, left, bottom: top + height, right: left + 40 });

describe('placing a pop-over beside its text', () => {
  it('goes just below the selection, not under the toolbar', () => {
    expect(placePopover(at(300, 500), size, view, 120)).toEqual({ top: 326, left: 500, side: 'below', maxHeight: null });
  });

  it('goes above the selection near the bottom of the window, so it is not cut off', () => {
    expect(placePopover(at(700, 500), size, view, 120)).toEqual({ top: 494, left: 500, side: 'above', maxHeight: null });
  });

  it('shifts left to stay inside the window at the right edge, and right at the left edge', () => {
    expect(placePopover(at(300, 1200), size, view).left).toBe(1280 - 8 - 384);
    expect(placePopover(at(300, -30), size, view).left).toBe(8);
  });

  it('never covers the sticky toolbar when it opens above', () => {
    const p = placePopover(at(380, 100), { width: 384, height: 500 }, view, 120);
    expect(p.side).toBe('below');
    expect(p.top).toBe(406);
    expect(p.maxHeight).toBe(800 - 8 - 406);
  });

  it('scrolls inside the larger side when it fits on neither', () => {
    const p = placePopover(at(600, 100), { width: 384, height: 700 }, view, 100);
    expect(p).toEqual({ top: 106, left: 100, side: 'above', maxHeight: 488 });
    expect(p.top).toBeGreaterThanOrEqual(106);
  });
});
