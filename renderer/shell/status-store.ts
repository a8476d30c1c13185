/**
 * What the status bar shows. Features publish here (the editor its save state, an import its
 * progress) without knowing about the bar; the bar subscribes with useSyncExternalStore.
 */
import { useSyncExternalStore } from 'react';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'failed'; reason: string };

export interface StatusSnapshot {
  save: SaveState;
  /** Free text from the current pane: counts, filters, progress. */
  message: string;
}

let snapshot: StatusSnapshot = { save: { kind: 'idle' }, message: '' };
const listeners = new Set<() => void>();

function emit(next: Partial<StatusSnapshot>) {
  snapshot = { ...snapshot, ...next };
  for (const l of listeners) l();
}

export const status = {
  setSave: (save: SaveState) => emit({ save }),
  setMessage: (message: string) => emit({ message }),
};

export function useStatus(): StatusSnapshot {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}
