/**
 * A New draft left without a word typed is removed when its view closes, so it does not linger
 * as "Untitled draft" in the lists and filters. The server removes it only if it is still exactly
 * as created; the drafts list waits for that answer before it asks for the posts.
 */
import type { Client } from '../../api/client';

let pending: Promise<void> = Promise.resolve();
const timers = new Map<string, { timer: ReturnType<typeof setTimeout>; done: () => void }>();

/**
 * Called when a draft's view goes away. Deferred one task: React's development double mount
 * unmounts and mounts again at once, and `keepDraft` from the new mount cancels it.
 */
export function discardIfUntouched(client: Client, id: string, untouched: () => boolean): void {
  pending = new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(id);
      if (!untouched()) return resolve();
      client.call('posts.discardUntouched', { id }).then(() => resolve(), () => resolve());
    }, 0);
    timers.set(id, { timer, done: resolve });
  });
}

export function keepDraft(id: string): void {
  const t = timers.get(id);
  if (!t) return;
  clearTimeout(t.timer);
  timers.delete(id);
  t.done();
}

/** Resolves once a draft being discarded is gone, so a list fetched after it does not show it. */
export function afterDiscards(): Promise<void> {
  return pending;
}
