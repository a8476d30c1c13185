import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function whose identity never changes but which always runs the latest `fn`. Handed to a
 * memoized child it keeps that child from re-rendering just because its parent rendered (a new
 * closure each time), while still seeing the parent's current state when called.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  // Updated after commit, so a render React throws away never leaks its closure into handlers.
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
