/**
 * The store's change events for the open windows. Everything that writes tells the feed what it
 * changed (the dispatch after an API write, the sync session after it applied the team's
 * documents); another process's commit (a `workbench` command, an import's own connection) is
 * noticed by SQLite's data_version, a counter that moves only when another connection commits,
 * checked a few times a second while a window listens, and explained by the change journal.
 *
 * A burst becomes one event: changes are merged until COALESCE_MS after the first, and events go
 * at most one per MIN_GAP_MS, so a 100,000-comment sync sends a handful of events naming areas and
 * ids, never one per row.
 */
import { EVERYTHING, mergeChanges, toChanges, type ChangeArea, type ChangeEvent, type Changes } from '../../common/changes';
import type { DB } from '../../db/connection';
import { journalSince, lastJournalSeq } from '../../db/repos/change-journal';
import type { Ctx } from '../context';

export interface FeedTiming {
  /** How long changes gather after the first one of a burst. */
  coalesceMs: number;
  /** The least time between two events. */
  minGapMs: number;
  /** How often another process's commits are looked for while anyone listens. */
  watchMs: number;
}

const DEFAULT_TIMING: FeedTiming = { coalesceMs: 30, minGapMs: 150, watchMs: 200 };

export type ChangeListener = (event: ChangeEvent) => void;

export class ChangeFeed {
  private pending: Partial<Record<ChangeArea, 'all' | Set<string>>> = {};
  private hasPending = false;
  private timer?: NodeJS.Timeout;
  private lastSentAt = 0;
  private seq = 0;
  private readonly listeners = new Set<ChangeListener>();
  private watcher?: NodeJS.Timeout;
  /** The connection data_version was last read on, and what it said. */
  private watched?: { db: DB; version: number; journal: number };
  private readonly timing: FeedTiming;

  constructor(
    private readonly store: () => DB,
    timing: Partial<FeedTiming> = {},
  ) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** Records changes; they go out with the next event. */
  note(changes: Changes): void {
    // Nobody listening: a window that connects later reads everything afresh anyway.
    if (Object.keys(changes).length === 0 || this.listeners.size === 0) return;
    mergeChanges(this.pending, changes);
    this.hasPending = true;
    if (this.timer) return;
    const wait = Math.max(this.timing.coalesceMs, this.lastSentAt + this.timing.minGapMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.startWatching();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  get listening(): number {
    return this.listeners.size;
  }

  private flush(): void {
    this.timer = undefined;
    if (!this.hasPending) return;
    const changes = toChanges(this.pending);
    this.pending = {};
    this.hasPending = false;
    this.lastSentAt = Date.now();
    const event: ChangeEvent = { seq: ++this.seq, changes };
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch (err) {
        console.error(`Editorial Workbench: a window's change listener failed (${(err as Error).message}).`);
      }
    }
  }

  /** Looks once for commits by another connection, and notes what the journal says they changed. */
  checkOtherWriters(): void {
    const db = this.store();
    if (!db.open) return;
    const version = db.pragma('data_version', { simple: true }) as number;
    const w = this.watched;
    if (!w || w.db !== db) {
      // A first look, or a restore swapped the file: from here on.
      this.watched = { db, version, journal: lastJournalSeq(db) };
      if (w) this.note(EVERYTHING);
      return;
    }
    if (version === w.version) return;
    w.version = version;
    const rows = journalSince(db, w.journal);
    if (rows.length === 0) {
      // A writer that keeps no journal (an import's own connection, an older command): anything.
      this.note(EVERYTHING);
      return;
    }
    w.journal = rows[rows.length - 1].seq;
    for (const r of rows) this.note(r.changes ?? EVERYTHING);
  }

  private startWatching(): void {
    this.watched = undefined;
    try {
      this.checkOtherWriters();
    } catch {
      // The store may be closing; the next tick looks again.
    }
    this.watcher = setInterval(() => {
      try {
        this.checkOtherWriters();
      } catch (err) {
        console.error(`Editorial Workbench: looking for other writers failed (${(err as Error).message}).`);
      }
    }, this.timing.watchMs);
    this.watcher.unref();
  }

  stop(): void {
    clearInterval(this.watcher);
    this.watcher = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = {};
    this.hasPending = false;
  }
}

const feeds = new WeakMap<Ctx, ChangeFeed>();

/** The app's one feed for its store (browser mode and the desktop app). */
export function changeFeed(ctx: Ctx): ChangeFeed {
  let feed = feeds.get(ctx);
  if (!feed) feeds.set(ctx, (feed = new ChangeFeed(() => ctx.db)));
  return feed;
}
