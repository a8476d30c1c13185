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
 *
 * Compactions (a document's whole state replacing its stored updates) go in transactions of their
 * own, beside the updates' and never holding a message: a compaction acknowledges nothing, and in
 * the same transaction it made every acknowledgement of the instance wait for it and for the
 * document's lock, which another instance's compaction may hold (the cause of a p95 of seconds on
 * two instances). Its order against the updates does not matter: the store merges the stored
 * state, every stored update and the given state, and drops exactly the updates it merged, so an
 * update stored later stays as a row, and one stored earlier is in the state (server/pg-store.ts,
 * server/store.ts).
 */
import type { WebSocket } from 'ws';
import type { Logger } from './logging';
import type { ServerStore } from './store-api';

export type { StoreOp } from './store-api';

const RETRY_MS = 500;

type Send = (data: Uint8Array, cb?: (err?: Error) => void) => void;

/** What the server is told of each commit (for /metrics and the bench's profile of where the time goes). */
export interface CommitTimings {
  /** An updates' commit: how long its transaction took, how many updates it stored, and how long the first of them waited from arrival until the messages held for it went out. */
  onCommit?(seconds: number, updates: number, ackWaitSeconds: number): void;
  /** A compactions' transaction: how long it took and how many documents it compacted. */
  onCompaction?(seconds: number, documents: number): void;
}

export class GroupCommit {
  private pending: Array<{ name: string; update: Uint8Array }> = [];
  /** When the oldest pending update arrived (process.hrtime.bigint()), for the acknowledgement wait. */
  private pendingSince = 0n;
  private held: Array<() => void> = [];
  private scheduled = false;
  /** The asynchronous store's transaction in flight, if any. */
  private writing: Promise<void> | null = null;
  /** Compactions noted, each with whoever awaits it; written apart from the updates (see the header). */
  private compactions: Array<{ op: { name: string; state: Uint8Array }; done: () => void }> = [];
  private compactScheduled = false;
  private compacting: Promise<void> | null = null;
  /** Commits so far and the updates they stored, and compactions stored (for /health and the bench). */
  readonly stats = { commits: 0, updates: 0, compactions: 0 };

  constructor(
    private readonly store: ServerStore,
    private readonly timings: CommitTimings = {},
    private readonly log?: Logger,
  ) {}

  /** Failed attempts of the transaction now being retried (0 when the last one went through), for updates and for compactions. */
  private failures = 0;
  private compactionFailures = 0;

  /** Notes an update to be stored before any further message leaves. */
  append(name: string, update: Uint8Array): void {
    if (this.pending.length === 0) this.pendingSince = process.hrtime.bigint();
    this.pending.push({ name, update });
    this.schedule();
  }

  /**
   * Notes a document's whole state to replace its stored updates, in a later transaction of its
   * own that holds no message; the promise settles once it is stored. Compactions noted together
   * share one transaction (one fsync each for a thousand documents took seconds).
   */
  compact(name: string, state: Uint8Array): Promise<void> {
    return new Promise((resolve) => {
      this.compactions.push({ op: { name, state }, done: resolve });
      if (!this.compactScheduled) {
        this.compactScheduled = true;
        setImmediate(() => void this.flushCompactions());
      }
    });
  }

  /**
   * Stores every noted update, then sends what was held, then stores the compactions noted. With
   * SQLite this is done when it returns; with PostgreSQL the returned promise settles once both are through.
   */
  flush(): Promise<void> {
    const updates = this.flushUpdates();
    const compactions = this.flushCompactions();
    return Promise.all([updates, compactions]).then(() => undefined);
  }

  private flushUpdates(): Promise<void> {
    this.scheduled = false;
    if (this.writing) return this.writing.then(() => this.flushUpdates());
    // After shutdown closed the store nothing more is stored, so nothing more is acknowledged.
    if (!this.store.isOpen) return Promise.resolve();
    const batch = this.pending;
    const held = this.held;
    const since = this.pendingSince;
    this.pending = [];
    this.held = [];
    const started = process.hrtime.bigint();
    const done = () => {
      if (batch.length > 0) {
        this.stats.commits++;
        this.stats.updates += batch.length;
      }
      for (const send of held) send();
      if (batch.length > 0) {
        const end = process.hrtime.bigint();
        this.timings.onCommit?.(Number(end - started) / 1e9, batch.length, Number(end - since) / 1e9);
      }
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
        if (this.pending.length === 0) this.pendingSince = since;
        this.pending = [...batch, ...this.pending];
        this.held = [...held, ...this.held];
        this.schedule();
      },
    );
    return this.writing;
  }

  /** One transaction for the compactions noted so far, one at a time; a failed one is retried later. */
  private flushCompactions(): Promise<void> {
    this.compactScheduled = false;
    if (this.compacting) return this.compacting.then(() => this.flushCompactions());
    if (this.compactions.length === 0) return Promise.resolve();
    // Closed: nothing more is stored; whoever waits is let go (a compaction is never owed to a member).
    if (!this.store.isOpen) return void this.compactions.splice(0).forEach((c) => c.done()), Promise.resolve();
    const batch = this.compactions;
    this.compactions = [];
    const started = process.hrtime.bigint();
    const done = () => {
      this.stats.compactions += batch.length;
      this.timings.onCompaction?.(Number(process.hrtime.bigint() - started) / 1e9, batch.length);
      for (const c of batch) c.done();
    };
    let written: ReturnType<ServerStore['write']>;
    try {
      written = this.store.write(batch.map((c) => c.op));
    } catch (err) {
      written = Promise.reject(err);
    }
    if (!(written instanceof Promise)) return done(), Promise.resolve();
    this.compacting = written.then(
      () => {
        this.compacting = null;
        this.compactionFailures = 0;
        done();
      },
      async (err: unknown) => {
        // Once per outage, like the updates' failures.
        if (this.compactionFailures++ === 0) this.log?.warn('store.compaction-failed', { documents: batch.length, retryMs: RETRY_MS, message: (err as Error).message });
        await new Promise((r) => setTimeout(r, RETRY_MS));
        this.compacting = null;
        this.compactions = [...batch, ...this.compactions];
        if (!this.compactScheduled) {
          this.compactScheduled = true;
          setImmediate(() => void this.flushCompactions());
        }
      },
    );
    return this.compacting;
  }

  private schedule(): void {
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flushUpdates());
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
