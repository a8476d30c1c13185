/**
 * One writer at a time per store, waited for without blocking. An import writes on a connection
 * of its own inside one long transaction (seconds for a large file). Any other write to the same
 * file meanwhile would sit in SQLite's busy wait, which in better-sqlite3 blocks the whole
 * process (the import included), and then fail. So writes queue here instead: dispatch waits
 * for the gate before a mutating method, and an import holds the gate while it runs.
 */
interface Gate {
  busy: boolean;
  queue: (() => void)[];
}

const gates = new WeakMap<object, Gate>();

function gateOf(store: object): Gate {
  let g = gates.get(store);
  if (!g) gates.set(store, (g = { busy: false, queue: [] }));
  return g;
}

/** Resolves when no long write holds the store (at once when none does). */
export function writesOpen(store: object): Promise<void> {
  const g = gateOf(store);
  if (!g.busy) return Promise.resolve();
  return new Promise((resolve) => g.queue.push(resolve));
}

/** Runs `fn` as the store's only long writer, after any that is running now. */
export async function holdWrites<T>(store: object, fn: () => Promise<T>): Promise<T> {
  const g = gateOf(store);
  while (g.busy) await new Promise<void>((resolve) => g.queue.push(resolve));
  g.busy = true;
  try {
    return await fn();
  } finally {
    g.busy = false;
    // Everyone waiting runs again; a second long writer re-checks `busy` and takes the gate.
    for (const wake of g.queue.splice(0)) wake();
  }
}

/** Methods that take the gate themselves, or must get through while it is held. */
export const GATE_EXEMPT: ReadonlySet<string> = new Set(['imports.preview', 'imports.run', 'imports.start', 'imports.cancel']);
