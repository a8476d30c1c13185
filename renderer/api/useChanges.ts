import { useEffect, useRef } from 'react';
import type { Changes } from '../../common/changes';
import { onChanges } from './changes';

/**
 * Calls `react` with each change event while the component is mounted; the latest `react` is
 * used, so it may close over fresh state without re-subscribing. The component decides (with
 * `touches`) whether the event concerns what it shows.
 */
export function useChanges(react: (changes: Changes) => void): void {
  const latest = useRef(react);
  latest.current = react;
  useEffect(() => onChanges((c) => latest.current(c)), []);
}
