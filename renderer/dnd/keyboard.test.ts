import { describe, expect, it } from 'vitest';
import type { ClientRect, DroppableContainer, KeyboardCoordinateGetter, UniqueIdentifier } from '@dnd-kit/core';
import { dayKeyboardCoordinates, pointerOrCentre, targetKeyboardCoordinates } from './keyboard';

const rect = (left: number, top: number, width: number, height: number): ClientRect => ({ left, top, width, height, right: left + width, bottom: top + height });

/** A week of day cells 100 px square in a row at the top, and a wide tray under a second week. */
const rects = new Map<UniqueIdentifier, ClientRect>();
for (let i = 0; i < 14; i++) rects.set(`day:2026-12-${String(7 + i).padStart(2, '0')}`, rect((i % 7) * 100, Math.floor(i / 7) * 100, 100, 100));
rects.set('tray', rect(0, 200, 700, 60));

function press(getter: KeyboardCoordinateGetter, code: string, over: UniqueIdentifier | null, held = rect(0, 0, 40, 20)) {
  let prevented = false;
  const event = { code, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent;
  const context = { collisionRect: held, over: over === null ? null : { id: over }, droppableRects: rects };
  const to = getter(event, { active: 'post', currentCoordinates: { x: held.left, y: held.top }, context } as never);
  return { to, prevented };
}

describe('keyboard moves that land on a drop target at every press', () => {
  it('centres the held item on the target the key names, and keeps the key from scrolling the page', () => {
    const getter = targetKeyboardCoordinates((code, over) => (code === 'ArrowRight' && over === 'day:2026-12-07' ? 'day:2026-12-08' : undefined));
    expect(press(getter, 'ArrowRight', 'day:2026-12-07')).toEqual({ to: { x: 130, y: 40 }, prevented: true });
  });

  it('leaves other keys alone, and does nothing where there is no target', () => {
    const getter = targetKeyboardCoordinates(() => 'day:2027-01-01');
    expect(press(getter, 'KeyA', 'day:2026-12-07')).toEqual({ to: undefined, prevented: false });
    expect(press(getter, 'ArrowUp', 'day:2026-12-07').to).toBeUndefined();
  });

  it('steps a day left or right and a week up or down, and from the tray goes to the start day first', () => {
    const getter = dayKeyboardCoordinates(() => '2026-12-09');
    expect(press(getter, 'ArrowDown', 'day:2026-12-08').to).toEqual({ x: 130, y: 140 }); // the 15th, a week later
    expect(press(getter, 'ArrowLeft', 'day:2026-12-15').to).toEqual({ x: 30, y: 140 });
    expect(press(getter, 'ArrowUp', 'tray').to).toEqual({ x: 230, y: 40 }); // the 9th, whatever the arrow
    expect(press(getter, 'ArrowUp', 'day:2026-12-07').to).toBeUndefined(); // a week before is not on the grid
  });
});

describe('which target a held item is over', () => {
  const containers = [...rects.keys()].map((id) => ({ id, disabled: false, data: { current: {} }, key: id, node: { current: null }, rect: { current: rects.get(id) } }) as unknown as DroppableContainer);
  const over = (held: ClientRect, pointer: { x: number; y: number } | null) =>
    pointerOrCentre({ active: { id: 'post' } as never, collisionRect: held, droppableRects: rects, droppableContainers: containers, pointerCoordinates: pointer })[0]?.id;

  it('follows the pointer when there is one', () => {
    expect(over(rect(0, 0, 40, 20), { x: 350, y: 150 })).toBe('day:2026-12-17');
  });

  it('without a pointer (the keyboard) takes the target under the item’s centre, even where another target’s centre is nearer', () => {
    // At the tray's left end, just under the 14th: the 14th's centre is 80 px away, the tray's over 300.
    expect(over(rect(10, 205, 60, 20), null)).toBe('tray');
  });

  it('without a pointer and over no target, takes the nearest centre', () => {
    expect(over(rect(720, 20, 40, 20), null)).toBe('day:2026-12-13');
  });
});
