/**
 * When a body document's changes are projected into its posts row (text, word count, search,
 * the base a save merges from): after a short quiet period, never later than a maximum lag, and at
 * once when asked (the last window on the draft closed, the session closes).
 *
 * Each projection reads the whole body (a 36,000-word draft: JSON, text, words, the search index,
 * a Yjs snapshot): tens of milliseconds of the main process. Run per keystroke, as it was, it held
 * the process that relays every keystroke between windows and to the team server, so a key took
 * seconds to show in the other window. The Yjs update itself is on disk before anything is
 * acknowledged (LocalDocs); only the row, which nothing acknowledges, lags and coalesces.
 */

/** Quiet time after a body's last change before it is projected. */
export const QUIET_MS = 300;
/** The longest a change waits while the body keeps changing (the issue: a remote change within a second). */
export const MAX_LAG_MS = 1000;
/**
 * The longest it waits while a window on this laptop has the draft open: the text is on screen and
 * on disk, and a projection every second held one keystroke in ten behind it. Closing the last
 * window projects at once.
 */
export const MAX_LAG_OPEN_MS = 5000;

interface Pending {
  first: number;
  last: number;
}

export class ProjectionSchedule {
  private readonly pending = new Map<string, Pending>();
  private timer?: NodeJS.Timeout;

  /**
   * `project` receives the due documents' names; `maxLag` says how long a document may wait; it
   * must not throw (it runs from a timer).
   */
  constructor(
    private readonly project: (names: string[]) => void,
    private readonly maxLag: (name: string) => number = () => MAX_LAG_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The document changed: its projection is due after the quiet period (or its maximum lag). */
  touch(name: string): void {
    const t = this.now();
    const p = this.pending.get(name);
    if (p) p.last = t;
    else this.pending.set(name, { first: t, last: t });
    this.arm();
  }

  /** Whether a projection is waiting (for this document, or any). */
  has(name?: string): boolean {
    return name === undefined ? this.pending.size > 0 : this.pending.has(name);
  }

  /** Projects now what is waiting (this document's, or all). */
  flush(name?: string): void {
    const names = name === undefined ? [...this.pending.keys()] : this.pending.has(name) ? [name] : [];
    if (names.length === 0) return;
    for (const n of names) this.pending.delete(n);
    this.arm();
    this.project(names);
  }

  /** Forgets what is waiting, without projecting it. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  private due(name: string, p: Pending): number {
    return Math.min(p.last + QUIET_MS, p.first + this.maxLag(name));
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    let next = Infinity;
    for (const [n, p] of this.pending) next = Math.min(next, this.due(n, p));
    this.timer = setTimeout(() => this.fire(), Math.max(0, next - this.now()));
    this.timer.unref?.();
  }

  private fire(): void {
    this.timer = undefined;
    const t = this.now();
    const names = [...this.pending].filter(([n, p]) => this.due(n, p) <= t).map(([n]) => n);
    for (const n of names) this.pending.delete(n);
    this.arm();
    if (names.length > 0) this.project(names);
  }
}
