import { describe, expect, it } from 'vitest';
import { UUID_RE, uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID', () => {
    const id = uuidv7();
    expect(id).toMatch(UUID_RE);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });
  it('carries the millisecond timestamp in its first 48 bits', () => {
    // A little ahead of now: ids never go back in time, so an older timestamp would be clamped.
    const t = Date.now() + 10_000;
    const id = uuidv7(t);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(t);
  });
  it('never goes back in time when the clock does', () => {
    const later = uuidv7(Date.now() + 30_000);
    expect(uuidv7(Date.now()) > later).toBe(true);
  });
  it('sorts in creation order, also within one millisecond', () => {
    const t = Date.now() + 20_000;
    const ids = Array.from({ length: 2000 }, () => uuidv7(t));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('draws fresh random bits for every id across many batches', () => {
    const tails = Array.from({ length: 5000 }, () => uuidv7().slice(19));
    expect(new Set(tails).size).toBe(tails.length);
  });
});
