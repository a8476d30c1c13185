import { describe, expect, it } from 'vitest';
import type { Active, Over } from '@dnd-kit/core';
import { heldAnnouncements } from './announcements';

const active = { id: 'p1', data: { current: { home: 'a' } } } as unknown as Active;
const at = (id: string) => ({ id }) as unknown as Over;

describe('what is spoken while an item is held', () => {
  const say = heldAnnouncements({
    pickedUp: () => 'Picked up.',
    isHome: (a, o) => o.id === a.data.current?.home,
    over: (_a, o) => `Over ${o.id}.`,
    outside: () => 'Outside.',
    unchanged: (_a, cancelled) => (cancelled ? 'Cancelled.' : 'Stays.'),
  });

  it('says the pick-up, not the place it was picked up from, then every place it is taken to, home included', () => {
    expect(say.onDragStart({ active })).toBe('Picked up.');
    expect(say.onDragOver({ active, over: at('a') })).toBeUndefined();
    expect(say.onDragOver({ active, over: at('b') })).toBe('Over b.');
    expect(say.onDragOver({ active, over: null })).toBe('Outside.');
    expect(say.onDragOver({ active, over: at('a') })).toBe('Over a.');
  });

  it('leaves a drop that changes something to the view, which confirms it once saved; a drop that changes nothing is said here', () => {
    say.onDragStart({ active });
    expect(say.onDragEnd({ active, over: at('b') })).toBeUndefined();
    expect(say.onDragEnd({ active, over: at('a') })).toBe('Stays.');
    expect(say.onDragEnd({ active, over: null })).toBe('Stays.');
    expect(say.onDragCancel({ active, over: at('b') })).toBe('Cancelled.');
  });

  it('starts afresh at each pick-up', () => {
    say.onDragStart({ active });
    say.onDragOver({ active, over: at('b') });
    say.onDragStart({ active });
    expect(say.onDragOver({ active, over: at('a') })).toBeUndefined();
  });
});
