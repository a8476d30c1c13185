/**
 * Whether this member, on this laptop, is suggesting rather than editing, and as whom. Remembered
 * per member in localStorage (a laptop's preference, not the team's), so switching member
 * switches the setting with them.
 */
import { useSyncExternalStore } from 'react';
import type { SuggestionAuthor } from '../../../common/editor/nodes/SuggestionNodes';

const LOCAL: SuggestionAuthor = { id: 'local', name: 'This laptop' };
const key = (memberId: string) => `workbench.suggestionMode.${memberId}`;

let author: SuggestionAuthor = LOCAL;
let on = false;
/** Why suggestion mode is held on and may not be turned off (a guest author's), or null. */
let lockedBecause: string | null = null;
const listeners = new Set<() => void>();

function read(memberId: string): boolean {
  try {
    return localStorage.getItem(key(memberId)) === 'on';
  } catch {
    return false;
  }
}

function emit() {
  for (const l of listeners) l();
}

export const suggestionMode = {
  isOn: () => on || lockedBecause !== null,
  author: () => author,
  lockReason: () => lockedBecause,
  /** Holds the mode on (with the reason shown beside the toggle), or releases it with null. */
  lock(reason: string | null) {
    lockedBecause = reason;
    emit();
  },
  /** Who suggests from now on; their remembered setting comes with them. */
  setAuthor(next: SuggestionAuthor | null) {
    author = next ?? LOCAL;
    on = read(author.id);
    emit();
  },
  set(value: boolean) {
    if (lockedBecause !== null) return;
    on = value;
    try {
      localStorage.setItem(key(author.id), value ? 'on' : 'off');
    } catch {
      // A page without storage still toggles; it just forgets on reload.
    }
    emit();
  },
  subscribe(fn: () => void) {
    listeners.add(fn);
    return () => void listeners.delete(fn);
  },
};

export function useSuggestionMode(): boolean {
  return useSyncExternalStore(suggestionMode.subscribe, suggestionMode.isOn);
}

export function useSuggestionLock(): string | null {
  return useSyncExternalStore(suggestionMode.subscribe, suggestionMode.lockReason);
}
