/**
 * Group commit: every update is on disk before anything the server says after receiving it leaves
 * the process, with one fsync per burst instead of one per update.
 *
 * Hocuspocus applies an incoming message, which fires the document's `update` event, and then sends
 * its SyncStatus acknowledgement (and the update to the other connections) at once. Writing each
 * update with its own fsync there cost about 6 ms per update on a laptop's disk, so a new member's
 * first sync of a thousand posts (three documents each, two updates per document) spent most of a
 * minute in fsync. Here the update is only noted; every outgoing message of every socket is held
 * while any noted update is not yet stored; and one transaction, at the end of the current turn of
 * the event loop, stores them all and then lets the held messages go, in their order. A SIGKILL
 * before that commit loses only updates nobody was told about: their senders still hold them as
 * unsynced and send them again.
 */
import type { WebSocket } from 'ws';
import type { TeamStore } from './store';

export type StoreOp = { name: string; update: Uint8Array } | { name: string; state: Uint8Array };

type Send = (data: Uint8Array, cb?: (err?: Error) => void) => void;

export class GroupCommit {
  /** Writes in the order they were asked for: a compaction drops only the updates noted before it. */
  private pending: StoreOp[] = [];
  private held: Array<() => void> = [];
  private scheduled = false;
  /** Commits so far and the updates they stored (for /health and the bench). */
  readonly stats = { commits: 0, updates: 0 };

  constructor(
    private readonly store: TeamStore,
    /** Told how long each commit took to reach disk and how many updates it stored (for /metrics). */
    private readonly onCommit?: (seconds: number, updates: number) => void,
  ) {}

  /** Notes an update to be stored before any further message leaves. */
  append(name: string, update: Uint8Array): void {
    this.note({ name, update });
  }

  /**
   * Notes a document's whole state to replace its updates, in the same commit as the updates
   * (a compaction acknowledges nothing, and one fsync each for a thousand documents took seconds).
   */
  compact(name: string, state: Uint8Array): void {
    this.note({ name, state });
  }

  private note(op: StoreOp): void {
    this.pending.push(op);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Stores every noted update now, then sends what was held. */
  flush(): void {
    this.scheduled = false;
    // After shutdown closed the file nothing more is stored, so nothing more is acknowledged.
    if (!this.store.db.open) return;
    if (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const started = process.hrtime.bigint();
      this.store.write(batch);
      const updates = batch.filter((op) => 'update' in op).length;
      this.stats.commits++;
      this.stats.updates += updates;
      this.onCommit?.(Number(process.hrtime.bigint() - started) / 1e9, updates);
    }
    const held = this.held;
    this.held = [];
    for (const send of held) send();
  }

  /**
   * Routes a socket's outgoing messages through the commit: straight out while nothing is waiting
   * to be stored (and nothing of this socket is held), else after the commit, in order.
   */
  guard(ws: WebSocket): void {
    const raw = ws.send.bind(ws) as Send;
    let queued = 0;
    const send: Send = (data, cb) => {
      if (this.pending.length === 0 && queued === 0) return raw(data, cb);
      queued++;
      this.held.push(() => {
        queued--;
        if (ws.readyState === ws.OPEN) raw(data, cb);
      });
    };
    ws.send = send as WebSocket['send'];
  }
}
