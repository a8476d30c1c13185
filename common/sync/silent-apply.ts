/**
 * Applying a Yjs update without the document's `update` event.
 *
 * Yjs 13 encodes each transaction's changes anew for `update` (and `updateV2`) whenever anything
 * listens, and something always does (a provider, a store, Hocuspocus' broadcast). Where the
 * update's own bytes are already where they belong (the team server loading a stored state; a
 * laptop that has just stored a document's first state as received), that encoding is work for
 * nobody: in a new member's first sync it was a quarter of each side's CPU. Yjs has no silent
 * apply, so the listeners are set aside for the one transaction (lib0's Observable keeps them in
 * `_observers`) and put back even when applying throws.
 */
import * as Y from 'yjs';

type Observed = { _observers: Map<string, Set<unknown>> };
const EVENTS = ['update', 'updateV2'];

/** Runs apply (which applies one update to doc) with doc's update listeners set aside. */
export function withoutUpdateEvents(doc: Y.Doc, apply: () => void): void {
  const observers = (doc as unknown as Observed)._observers;
  const held = EVENTS.map((e) => [e, observers.get(e)] as const);
  for (const [e] of held) observers.delete(e);
  try {
    apply();
  } finally {
    for (const [e, set] of held) if (set) observers.set(e, set);
  }
}

/** Applies update to doc with no update event (see above). */
export function applySilently(doc: Y.Doc, update: Uint8Array): void {
  withoutUpdateEvents(doc, () => Y.applyUpdate(doc, update));
}
