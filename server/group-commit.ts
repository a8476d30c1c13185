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
 *
 * SQLite stores synchronously, so a commit and its release happen in the same turn. PostgreSQL
 * answers later: while its transaction is in flight, every further message is held too (it may
 * carry what is not yet committed), and updates noted meanwhile wait for the next transaction. A
 * failed transaction (PostgreSQL unreachable) is retried with its messages still held: nobody is
 * told anything the database has not got.
 */
import type { WebSocket } from 'ws';
import type { Logger } from './logging';
import type { ServerStore, StoreOp } from './store-api';

export type { StoreOp } from './store-api';

const RETRY_MS = 500;

type Send = (data: Uint8Array, cb?: (err?: Error) => void) => void;

export class GroupCommit {
  /** Writes in the order they were asked for: a compaction drops only the updates noted before it. */
  private pending: StoreOp[] = [];
  private held: Array<() => void> = [];
  private scheduled = false;
  /** The asynchronous store's transaction in flight, if any. */
  private writing: Promise<void> | null = null;
  /** Commits so far and the updates they stored (for /health and the bench). */
  readonly stats = { commits: 0, updates: 0 };

  constructor(
    private readonly store: ServerStore,
    /** Told how long each commit took to reach the store and how many updates it stored (for /metrics). */
    private readonly onCommit?: (seconds: number, updates: number) => void,
    private readonly log?: Logger,
  ) {}

  /** Failed attempts of the transaction now being retried (0 when the last one went through). */
  private failures = 0;

  /** Notes an update to be stored before any further message leaves. */
  append(name: string, update: Uint8Array): void {
    this.note({ name, update });
  }

  /**
   * Notes a document's whole state to replace its updates, in the same commit as the updates
   * (a compaction acknowledges nothing, and one fsync each for a thousand documents took seconds).
   */
  compact(name: string, state: Uint8Array): Promise<void> {
    this.note({ name, state });
    return new Promise((resolve) => this.held.push(resolve));
  }

  private note(op: StoreOp): void {
    this.pending.push(op);
    this.schedule();
  }

  /**
   * Stores every noted update, then sends what was held. With SQLite this is done when it returns;
   * with PostgreSQL the returned promise settles once the commit is through and its messages sent.
   */
  flush(): Promise<void> {
    this.scheduled = false;
    if (this.writing) return this.writing.then(() => this.flush());
    // After shutdown closed the store nothing more is stored, so nothing more is acknowledged.
    if (!this.store.isOpen) return Promise.resolve();
    const batch = this.pending;
    const held = this.held;
    this.pending = [];
    this.held = [];
    const started = process.hrtime.bigint();
    const done = () => {
      if (batch.length > 0) {
        const updates = batch.filter((op) => 'update' in op).length;
        this.stats.commits++;
        this.stats.updates += updates;
        this.onCommit?.(Number(process.hrtime.bigint() - started) / 1e9, updates);
      }
      for (const send of held) send();
    };
    const written = batch.length > 0 ? this.store.write(batch) : undefined;
    if (!(written instanceof Promise)) return done(), Promise.resolve();
    this.writing = written.then(
      () => {
        this.writing = null;
        if (this.failures > 0) this.log?.info('store.write-recovered', { changes: batch.length, attempts: this.failures + 1 });
        this.failures = 0;
        done();
        if (this.pending.length > 0 || this.held.length > 0) this.schedule();
      },
      async (err: unknown) => {
        // Logged on the first failure only: a database away for a minute would otherwise log 120 lines.
        if (this.failures++ === 0) this.log?.error('store.write-failed', { changes: batch.length, retryMs: RETRY_MS, message: (err as Error).message });
        await new Promise((r) => setTimeout(r, RETRY_MS));
        this.writing = null;
        this.pending = [...batch, ...this.pending];
        this.held = [...held, ...this.held];
        this.schedule();
      },
    );
    return this.writing;
  }

  private schedule(): void {
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  /**
   * Routes a socket's outgoing messages through the commit: straight out while nothing is waiting
   * to be stored (and nothing of this socket is held), else after the commit, in order.
   */
  guard(ws: WebSocket): void {
    const raw = ws.send.bind(ws) as Send;
    let queued = 0;
    const send: Send = (data, cb) => {
      if (this.pending.length === 0 && !this.writing && queued === 0) return raw(data, cb);
      queued++;
      this.held.push(() => {
        queued--;
        if (ws.readyState === ws.OPEN) raw(data, cb);
      });
    };
    ws.send = send as WebSocket['send'];
  }
}
