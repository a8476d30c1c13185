/**
 * A small seeded PRNG (mulberry32) so every run builds byte-identical data: numbers from
 * different runs and machines are comparable only if the inputs are the same.
 */
import { seededRandom } from '../../common/random';

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** A child generator whose stream does not depend on how much of this one is used later. */
  fork(label: number): Rng;
}

export function mulberry32(seed: number): Rng {
  const next = seededRandom(seed);
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    fork: (label) => mulberry32((Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(label, 0x85ebca6b)) >>> 0),
  };
  return rng;
}
