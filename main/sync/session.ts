/**
 * One laptop's live link to its team workspace: the local documents, one WebSocket to the team
 * server with a Hocuspocus provider per document, and the two projections kept running.
 * The CLI makes one to sync once; browser mode and the desktop app keep one open.
 */
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { AppError } from '../../common/errors';
import { canWrite, parseDocumentName, postOf, POST_DOCUMENT_KINDS, SINGLETONS } from '../../common/sync/documents';
import { creditsIn } from '../../common/sync/credits';
import type { DB } from '../../db/connection';
import { BodyDocs } from './body-docs';
import { ChangeMarks } from './change-marks';
import { seedBodies } from './body-projection';
import { AuthGate, GatedProvider } from './gated-provider';
import { LocalDocs, type DocMaker } from './local-docs';
import { pull, push, type Member } from './projection';
import { MAX_LAG_MS, MAX_LAG_OPEN_MS, ProjectionSchedule } from './projection-schedule';
import { conflictsIn, type Conflict } from './registers';
import { pendingChanges, type WorkspaceRow } from './workspace-row';
import { syncTrace } from './sync-trace';

export type SyncState = 'offline' | 'syncing' | 'up-to-date';

const REMOTE_SETTLE_MS = 20;
/** The longest received changes wait to be applied while more keep coming. */
const REMOTE_MAX_WAIT_MS = 250;
/** How long a live session's sync state settles before the windows hear it moved (stateMoved). */
const STATE_SETTLE_MS = 250;
/** How often an unchanged state is told again while changes keep syncing (the time of the last sync moves). */
const RETELL_MS = 30_000;
/** The server's reason code for a post a guest author is not credited on (server/team-server.ts). */
const NOT_CREDITED = 'not-credited:';
/**
 * Documents a one-off sync holds open at once. It syncs them, applies them to the tables, then
 * closes and unloads them (the server unloads a document when its last connection closes), so
 * neither side ever holds the whole workspace: 100,000 comments held at once were 1.5 GB each side.
 */
export const SYNC_WINDOW = 64;
/** Outbox rows a one-off sync pushes in one transaction (a few posts' comments). */
const PUSH_PART = 2_000;
/**
 * The order a one-off sync takes documents in: series before posts, and a post's three documents
 * together, its text and plan before its comments (a row waits for its parent otherwise).
 */
const KIND_ORDER = ['authors', 'bylines', 'review', 'index', 'series', 'blob', 'post', 'post-plan', 'comments', 'notes', 'body'];
function syncOrder(name: string): string {
  const ref = parseDocumentName(name)!;
  const rank = KIND_ORDER.indexOf(ref.kind);
  const post = KIND_ORDER.indexOf('post');
  return rank >= post ? `${post}:${ref.id}:${rank}` : `${rank}:${ref.id ?? ''}`;
}

export class SyncSession {
  readonly docs: LocalDocs;
  /** Draft bodies as Yjs documents, shared with the windows' editors (body-docs.ts). */
  readonly bodies: BodyDocs;
  readonly member: Member;
  /** Which documents changed since this laptop last synced them (the index's change marks). */
  private readonly marks: ChangeMarks;
  private socket?: HocuspocusProviderWebsocket;
  private readonly providers = new Map<string, GatedProvider>();
  /** One per socket: how many documents may wait for the server's authentication at once. */
  private readonly gate = new AuthGate();
  /** The documents a one-off sync opened in windows (the singletons are opened by every sync). */
  readonly opened = new Set<string>();
  private readonly dirty = new Set<string>();
  private applyTimer?: NodeJS.Timeout;
  private pollTimer?: NodeJS.Timeout;
  /** Why the server refused us (token revoked, unknown), if it did. */
  refusal?: string;
  private listeners = new Set<(applied: readonly string[]) => void>();

  constructor(
    private readonly db: DB,
    readonly workspace: WorkspaceRow,
    private readonly token: string,
    makeDoc?: DocMaker,
  ) {
    this.member = { name: workspace.member_name, role: workspace.role };
    this.docs = new LocalDocs(db, (name) => {
      syncTrace('doc.changed', { name });
      this.dirty.add(name);
      // A one-off sync applies each window itself once it has synced: applying from the timer
      // meanwhile tried every document still waiting for a parent again, loaded from disk each time.
      if (name === 'bylines') this.creditedPosts = undefined;
      if (!this.live) return;
      if (name === 'index') this.openIndexed();
      if (name === 'bylines') this.followCredits();
      // A body's text is projected once its typing pauses (projection-schedule.ts), not per keystroke.
      if (parseDocumentName(name)?.kind === 'body') {
        this.dirty.delete(name);
        return this.bodyProjections.touch(name);
      }
      this.scheduleApply();
    }, makeDoc);
    this.bodies = new BodyDocs(
      this.docs,
      (name) => this.open(name),
      // The last window on the draft closed: its row catches up now.
      (name) => this.bodyProjections.flush(name),
    );
    // A guest author may not write the index: their marks would be refused and never acknowledged.
    this.marks = new ChangeMarks(db, canWrite(workspace.role, 'index'));
  }

  /** When the first change not yet applied arrived (undefined: none waiting). */
  private waitingSince?: number;

  /**
   * Applies received changes once they settle, but never later than REMOTE_MAX_WAIT_MS after the
   * first: a colleague typing sends updates closer together than the settle time, and resetting
   * the timer on each put off applying everything else (a new draft among them) while they typed.
   */
  private scheduleApply(): void {
    const now = Date.now();
    this.waitingSince ??= now;
    clearTimeout(this.applyTimer);
    const wait = Math.max(0, Math.min(REMOTE_SETTLE_MS, this.waitingSince + REMOTE_MAX_WAIT_MS - now));
    this.applyTimer = setTimeout(() => {
      this.waitingSince = undefined;
      this.applyRemote();
    }, wait);
  }

  /** Bodies changed and not yet projected into their rows (live only; a one-off sync applies them itself). */
  private readonly bodyProjections = new ProjectionSchedule(
    (names) => this.applyRemote(names),
    (name) => (this.bodies.holdersOf(name.slice('body/'.length)) > 0 ? MAX_LAG_OPEN_MS : MAX_LAG_MS),
  );

  /** Live (the app): every document stays open. Not live (a one-off sync): documents go through in windows. */
  private live = false;

  /** Told when the state may have changed, with the documents just applied to the tables (if any). */
  onChange(listener: (applied: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(applied: readonly string[] = []): void {
    // The listeners re-read whatever the state is now: stateMoved compares with that, not an older telling.
    this.told = undefined;
    // Called from inside the documents' `update` events too (a provider's unsynced count): a
    // listener's exception must not reach Yjs, which would stop the document's events for good.
    for (const l of this.listeners) {
      try {
        l(applied);
      } catch (err) {
        console.error(`Editorial Workbench: a listener of the team sync failed (${(err as Error).message}).`);
      }
    }
  }

  /** Local table changes into the documents (one transaction with the outbox). */
  pushLocal(): number {
    if (!this.live) return this.pushInParts();
    const n = this.db.transaction(() => push(this.db, this.docs, this.member))();
    if (n > 0) {
      syncTrace('pushed', { rows: n });
      this.openLoaded();
      this.changed();
    }
    return n;
  }

  /**
   * A one-off sync pushes the outbox PUSH_PART rows at a time, a transaction each, and unloads the
   * documents after each: the first laptop's whole store pushed at once held every document
   * (850 MB at the bench's size).
   */
  private pushInParts(): number {
    let total = 0;
    for (let n; (n = this.db.transaction(() => push(this.db, this.docs, this.member, PUSH_PART))()) > 0; ) {
      total += n;
      this.unloadClosed();
    }
    if (total > 0) this.changed();
    return total;
  }

  /**
   * Received changes into the tables; local changes go first so none is overwritten unseen.
   * Documents waiting for a parent are tried again too, unless `retry` is false: a one-off sync
   * tries them once at its end, where trying them with every window reloaded them (the bylines
   * of every post) each time.
   */
  applyRemote(names: Iterable<string> = this.takeDirty(), retry = true): void {
    if (!this.db.open) return;
    const list = [...new Set([...names, ...(retry ? this.waiting : [])])];
    let pushed = 0;
    try {
      this.db.transaction(() => {
        pushed = push(this.db, this.docs, this.member);
        const waiting = pull(this.db, this.docs, list).waiting;
        syncTrace('applied', { list, waiting });
        for (const n of list) this.waiting.delete(n);
        for (const n of waiting) this.waiting.add(n);
        this.db.prepare('UPDATE sync_workspace SET conflicts = ? WHERE id = 1').run(this.conflictCount(list));
      })();
      // Live, what was pushed here may have gone into documents not open yet (a post created a
      // moment before a colleague's change came in): open them as pushLocal does. Left closed, the
      // index named the post on the server while its own documents never went there, and the
      // outbox, emptied, never brought them round again (the relay test's stall in CI).
      if (pushed > 0 && this.live) this.openLoaded();
      this.unloadClosed();
    } catch (err) {
      // Runs from a timer: a failure must not end the app; the documents are on disk and apply next time.
      for (const n of list) this.waiting.add(n);
      console.error(`Editorial Workbench: applying the team's changes failed (${(err as Error).message}); they are kept and applied again.`);
    }
    this.changed(list);
  }

  /** Documents with rows waiting for a parent row (applied again with the next changes). */
  private waiting = new Set<string>();

  private takeDirty(): string[] {
    const list = [...this.dirty];
    this.dirty.clear();
    return list;
  }

  conflicts(): Conflict[] {
    const out = this.docs.names().flatMap((n) => conflictsIn(n, this.docs.get(n)));
    this.unloadClosed();
    return out;
  }

  /** Outside live use, a document no provider holds open leaves memory once it has been read. */
  private unloadClosed(): void {
    if (this.live) return;
    for (const name of [...this.docs.loaded()].map(([n]) => n)) if (!this.providers.has(name)) this.docs.unload(name);
  }

  /** Conflicts per document, recounted only where something changed (a full count each time is quadratic). */
  private readonly conflictsPerDoc = new Map<string, number>();

  private conflictCount(changed: string[]): number {
    // A one-off sync applies every document, window by window, so it counts each as it goes.
    const recount = this.conflictsPerDoc.size === 0 && this.live ? this.docs.names() : changed;
    for (const n of recount) this.conflictsPerDoc.set(n, conflictsIn(n, this.docs.get(n)).length);
    let total = 0;
    for (const v of this.conflictsPerDoc.values()) total += v;
    return total;
  }

  connect(): void {
    this.live = true;
    this.openSocket();
    for (const name of SINGLETONS) this.open(name);
    this.openLoaded();
    this.openIndexed();
  }

  private openSocket(): void {
    if (this.socket) return;
    // minDelay must not exceed maxDelay, or the socket never tries to connect.
    this.socket = new HocuspocusProviderWebsocket({ url: this.workspace.url, WebSocketPolyfill: WebSocket, delay: 200, minDelay: 200, maxDelay: 5000, factor: 2, maxAttempts: 0 });
    this.socket.on('status', ({ status }: { status: string }) => (syncTrace('socket.status', { status }), this.changed()));
  }

  private openLoaded(): void {
    if (!this.socket) return;
    for (const [name] of this.docs.loaded()) this.open(name);
  }

  private openIndexed(): void {
    if (!this.socket) return;
    for (const name of this.indexed()) this.open(name);
  }

  /** A guest author's credited posts, from this laptop's copy of the bylines (undefined: not read since it changed). */
  private creditedPosts?: ReadonlySet<string>;

  /**
   * Whether this member may open a document: a guest author only their credited posts' documents
   * (the server refuses the others; asking for them would only be refused).
   */
  private mayOpen(name: string): boolean {
    if (this.workspace.role !== 'guest-author') return true;
    const post = postOf(parseDocumentName(name) ?? { kind: 'index' });
    if (post === undefined) return true;
    this.creditedPosts ??= creditsIn(this.docs.get('bylines')).get(this.workspace.author_id ?? '') ?? new Set<string>();
    return this.creditedPosts.has(post);
  }

  /** A guest author's credits changed: the posts gained are opened, those lost closed. */
  private followCredits(): void {
    if (this.workspace.role !== 'guest-author') return;
    for (const name of [...this.providers.keys()]) if (!this.mayOpen(name)) this.close1(name);
    this.openIndexed();
  }

  /** The documents the index names (whether or not this laptop holds them yet) that this member may open. */
  private indexed(): string[] {
    const index = this.docs.get('index');
    return [
      ...[...index.getMap('posts').keys()].flatMap((id) => POST_DOCUMENT_KINDS.map((kind) => `${kind}/${id}`)).filter((n) => this.mayOpen(n)),
      ...[...index.getMap('series').keys()].map((id) => `series/${id}`),
      ...[...index.getMap('blobs').keys()].map((key) => `blob/${key}`),
    ];
  }

  private close1(name: string): void {
    this.providers.get(name)?.destroy();
    this.providers.delete(name);
    this.docs.unload(name);
  }

  private open(name: string): void {
    if (this.providers.has(name) || !this.socket || !parseDocumentName(name) || !this.mayOpen(name)) return;
    const provider = new GatedProvider({
      websocketProvider: this.socket,
      name,
      document: this.docs.get(name),
      token: this.token,
      onAuthenticated: () => syncTrace('provider.authenticated', { name }),
      onAuthenticationFailed: ({ reason }) => {
        syncTrace('provider.refused', { name, reason });
        // A guest author not (or no longer) credited on a post is refused that post alone.
        if (reason.startsWith(NOT_CREDITED)) return void setImmediate(() => this.dropUncredited(name));
        this.refusal = reason;
        this.changed();
      },
      onClose: ({ event }) => {
        syncTrace('provider.closed', { name, code: event.code, reason: event.reason });
        if (event.reason?.startsWith(NOT_CREDITED)) setImmediate(() => this.dropUncredited(name));
      },
      onSynced: () => (syncTrace('provider.synced', { name }), this.changed()),
      onUnsyncedChanges: () => (this.live ? this.stateMoved() : this.changed()),
    }, this.gate);
    // A one-off sync stores each document's first state as received (local-docs.ts); live, the
    // windows' streams listen to the documents' updates, so every update goes the usual way.
    if (!this.live) provider.firstState = (update, apply) => this.docs.receiveFirstState(name, update, apply);
    provider.attach();
    syncTrace('provider.opened', { name, socket: this.socket.status, gateWaiting: this.gate.waiting });
    this.providers.set(name, provider);
  }

  /** The server refused or closed a post's document for this guest author: it is closed here too. */
  private dropUncredited(name: string): void {
    if (!this.providers.has(name)) return;
    this.close1(name);
    this.changed();
  }

  state(): SyncState {
    if (!this.socket || this.socket.status !== 'connected' || this.refusal) return 'offline';
    return this.upToDate() ? 'up-to-date' : 'syncing';
  }

  /** A one-off sync applies what arrived itself once it is through (`received` then counts not). */
  private upToDate(received = true): boolean {
    if (received && this.dirty.size > 0) return false;
    if (this.db.prepare('SELECT 1 FROM sync_outbox LIMIT 1').get()) return false;
    return this.providers.size > 0 && this.synced(this.providers.keys());
  }

  private synced(names: Iterable<string>): boolean {
    for (const n of names) {
      const p = this.providers.get(n);
      if (p && (!p.isSynced || p.unsyncedChanges > 0)) return false;
    }
    return true;
  }

  /** Bootstraps (once) or reconciles the bodies whose documents have synced; how many it changed. */
  private seedBodies(among: (name: string) => boolean = () => true): number {
    const synced = (name: string) => among(name) && this.providers.get(name)?.isSynced === true;
    return this.db.transaction(() => seedBodies(this.db, this.docs, this.member, synced))();
  }

  /** Records that everything stored so far is on the server. */
  private markSynced(): void {
    this.db.prepare("UPDATE sync_workspace SET synced_seq = (SELECT coalesce(max(seq), 0) FROM sync_doc_updates), last_sync_at = ? WHERE id = 1").run(new Date().toISOString());
  }

  /** Connects, pushes and pulls until nothing is waiting either way, or throws after timeoutMs. */
  async syncUntilUpToDate(timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    this.pushLocal();
    // What the push wrote is on disk: each document is loaded again when its window comes.
    this.unloadClosed();
    this.openSocket();
    for (const name of SINGLETONS) this.open(name);
    await this.waitFor(() => this.synced(SINGLETONS), end);
    this.applyRemote([...SINGLETONS]);
    const seen = new Set<string>(SINGLETONS);
    this.docs.takeWritten();
    await this.syncWindows(seen, this.docs.names(), end);
    for (;;) {
      await this.waitFor(() => this.upToDate(false), end);
      clearTimeout(this.applyTimer);
      this.applyRemote([...this.takeDirty(), ...SINGLETONS]);
      // Applying can write (a running order renumbered, a change made meanwhile): send that too.
      if (!(await this.syncWindows(seen, [], end))) break;
    }
    // A document still waiting for a parent is opened and applied again next time.
    this.marks.forget([...this.waiting]);
    // Everything written here is on the server now: others may see the marks.
    if (this.marks.markSent(this.docs.get('index'), this.marks.pending()) > 0) await this.waitFor(() => this.upToDate(false), end);
    this.markSynced();
    this.changed();
  }

  /** Of the given documents and those the index names, the ones changed since they last synced here. */
  private changedSince(candidates: string[]): string[] {
    return this.marks.changed(this.docs.get('index'), [...candidates, ...this.indexed()]);
  }

  /**
   * Syncs, applies and unloads, SYNC_WINDOW documents at a time: of the given ones and every one the
   * index names, those not seen in this sync whose change marks moved since this laptop last synced
   * them (change-marks.ts); then those the index named or marked meanwhile, and any this laptop
   * wrote since it synced them. Says whether there was anything to do.
   *
   * The next window is opened before this one is applied, so the server loads and sends it while
   * this laptop writes the rows: one waited for the other, window after window (a third of a
   * first sync was this laptop idle). At most two windows are open at once.
   */
  private async syncWindows(seen: Set<string>, first: string[], end: number): Promise<boolean> {
    let any = false;
    for (let round = this.changedSince(first); ; round = this.changedSince([])) {
      const again = this.docs.takeWritten().filter((n) => !this.providers.has(n));
      const todo = [...new Set([...round.filter((n) => !seen.has(n)), ...again])].filter((n) => parseDocumentName(n)).sort((a, b) => (syncOrder(a) < syncOrder(b) ? -1 : 1));
      if (todo.length === 0) return any;
      any = true;
      let next = this.openWindow(todo.slice(0, SYNC_WINDOW), seen);
      for (let i = 0; i < todo.length; i += SYNC_WINDOW) {
        const current = next;
        const { window } = current;
        await this.waitFor(() => this.synced(window), end);
        next = this.openWindow(todo.slice(i + SYNC_WINDOW, i + 2 * SYNC_WINDOW), seen);
        await this.applyWindow(current, new Set(next.window), end);
      }
    }
  }

  /** Opens a window's documents, with their marks as they were before opening (one set meanwhile opens the document again next time). */
  private openWindow(window: string[], seen: Set<string>): { window: string[]; marks: ReturnType<ChangeMarks['snapshot']> } {
    const marks = this.marks.snapshot(this.docs.get('index'), window);
    for (const name of window) (seen.add(name), this.opened.add(name), this.open(name));
    return { window, marks };
  }

  /** A synced window into the tables, then closed; `ahead` is the window opened after it, applied in its own turn. */
  private async applyWindow({ window, marks }: ReturnType<SyncSession['openWindow']>, ahead: ReadonlySet<string>, end: number): Promise<void> {
    clearTimeout(this.applyTimer);
    const dirty = this.takeDirty();
    for (const n of dirty) if (ahead.has(n)) this.dirty.add(n);
    this.applyRemote([...dirty.filter((n) => !ahead.has(n)), ...window], false);
    // A body is seeded or reconciled while its document is open and synced; what that writes
    // is sent before the window closes (takeWritten brings it round again otherwise).
    const inWindow = new Set(window);
    if (this.seedBodies((n) => inWindow.has(n)) > 0) await this.waitFor(() => this.synced(window), end);
    // What the window wrote and the server acknowledged is not reopened in the next round:
    // reopening a document just closed on the same socket raced the server's unloading of it,
    // and its acknowledgements never came until the socket reconnected (30 s per seeding).
    this.docs.forgetWritten(window.filter((n) => this.synced([n])));
    for (const name of window) this.close1(name);
    this.marks.noteSynced(marks);
  }

  private async waitFor(done: () => boolean, end: number, timeoutMs = end - this.started): Promise<void> {
    for (;;) {
      if (this.refusal) throw new AppError('FORBIDDEN', `The team server refused this laptop: ${this.refusal}.`);
      if (done()) return;
      if (Date.now() > end) {
        throw new AppError('INTERNAL', `The workspace did not finish syncing within ${Math.round(timeoutMs / 1000)} s (${this.socket?.status === 'connected' ? 'still syncing' : `cannot reach ${this.workspace.url}`}); what is stored locally is kept and syncs next time.`);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private readonly started = Date.now();

  /** What the listeners were last told by stateMoved, and when. */
  private told?: { state: SyncState; at: number };
  private stateTimer?: NodeJS.Timeout;

  /**
   * A provider's unacknowledged changes or the poll moved: the listeners hear of it STATE_SETTLE_MS
   * later, if the state is then other than what they were last told (or that was a while ago: the
   * window shows when the last sync was). Live typing flips the state to syncing and back with
   * every keystroke, each acknowledged within milliseconds; told each time, the window re-read the
   * status and re-drew its status bar per keystroke (33 reads for 40 keys).
   */
  private stateMoved(): void {
    if (this.stateTimer) return;
    this.stateTimer = setTimeout(() => {
      this.stateTimer = undefined;
      if (!this.db.open) return;
      const state = this.state();
      if (this.told && this.told.state === state && Date.now() - this.told.at < RETELL_MS) return;
      this.changed();
      this.told = { state, at: Date.now() };
    }, STATE_SETTLE_MS);
    this.stateTimer.unref();
  }

  /** Keeps syncing in the background: pushes the outbox as it fills, records each time all is synced. */
  startLive(pollMs = 50): void {
    this.pushLocal();
    this.connect();
    let wasUpToDate = false;
    this.pollTimer = setInterval(() => {
      if (!this.db.open) return;
      this.pushLocal();
      // The time of the last sync is when the store last became (or stayed, after changes) up to date.
      if (this.state() === 'up-to-date') this.seedBodies();
      const upToDate = this.state() === 'up-to-date';
      if (upToDate) this.keepMarks(!wasUpToDate);
      if (upToDate && (!wasUpToDate || pendingChanges(this.db) > 0)) {
        this.markSynced();
        this.stateMoved();
      }
      wasUpToDate = upToDate;
    }, pollMs);
    this.pollTimer.unref();
  }

  /**
   * Live, with everything synced: marks the documents changed here (a one-off sync elsewhere opens
   * them by their marks), and, on becoming up to date, records the marks seen so far.
   */
  private keepMarks(becameUpToDate: boolean): void {
    const index = this.docs.get('index');
    this.marks.markSent(index, this.marks.pending().filter((n) => this.providers.get(n)?.isSynced === true));
    if (becameUpToDate) this.marks.noteSynced(this.marks.snapshot(index, this.marks.changed(index, this.providers.keys()).filter((n) => this.providers.has(n))));
  }

  close(): void {
    clearTimeout(this.applyTimer);
    clearTimeout(this.stateTimer);
    // What was typed is on disk already; the rows catch up before the documents go.
    this.bodyProjections.flush();
    clearInterval(this.pollTimer);
    // The socket first: it then drops every provider's listeners at once, where each provider
    // taking its own off the socket's lists one by one was quadratic in the number of documents.
    this.socket?.destroy();
    this.socket = undefined;
    for (const p of this.providers.values()) p.destroy();
    this.providers.clear();
    this.docs.destroy();
  }
}
