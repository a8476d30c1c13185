/**
 * The window's live channel to the main process: one more channel of the API transport, over
 * which a draft body's Yjs sync and awareness messages travel between the window's Y.Doc and the
 * main process's. It is a loopback Hocuspocus endpoint (the engine's own sync protocol and
 * acknowledgements, nothing hand-written), served as a WebSocket upgrade of browser mode's HTTP
 * server; the page's HocuspocusProvider authenticates with the per-launch secret that the API
 * calls carry, since a browser cannot put headers on a WebSocket.
 *
 * Hocuspocus serves main's own document (made as a Hocuspocus document by lendable-doc.ts), not a
 * copy: a window's update is applied to it directly, and it writes it to SQLite in its `update`
 * event (LocalDocs), so it is on disk before Hocuspocus answers the window with its sync
 * acknowledgement. What main's document receives (the team server, another window, a whole-body
 * save merged by main) Hocuspocus broadcasts to every window on it.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Configuration, Document, onAuthenticatePayload } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { WriteVerdict } from '../../common/sync/body-writes';
import { refusalMessage } from '../../common/sync/window-refusal';
import { GuardedHocuspocus, stillHeld } from '../../common/sync/unloading-race';
import { relayAwareness } from './awareness-relay';
import { isLendable } from './lendable-doc';

/** A body document as the main process lends it to the windows while one is open on it. */
export interface StreamDoc {
  /** Main's own document, made by lendable-doc.ts so that Hocuspocus can serve it as it is. */
  doc: Y.Doc;
  /** Awareness shared with the other members (through the team server), or null for none. */
  awareness: Awareness | null;
  /** Calls the listener each time main's link to the team server is (re)established; returns its removal. */
  onTeamSynced?(listener: () => void): () => void;
  /** Called with each window update once main's document has it (to record who made it). */
  author?(update: Uint8Array): void;
  release(): void;
}

/** Where the stream finds main's documents; throws an Error with a `reason` to refuse one. */
export interface StreamSource {
  /**
   * Whether a window may open the document, and only read it; throws to refuse. `mayWrite`, when
   * given, decides each of the window's updates (a guest author's: suggestions only).
   */
  check(name: string): { readOnly: boolean; mayWrite?: (update: Uint8Array, current: Y.Doc) => WriteVerdict };
  open(name: string): StreamDoc;
  close?(): void;
}

export const refuse = (reason: string) => Object.assign(new Error(reason), { reason });

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/** The origin Hocuspocus gives a window's updates. */
const fromWindow = (origin: unknown): boolean => (origin as { source?: unknown } | null)?.source === 'connection';

/**
 * Lends main's document to the windows until the returned function is called: Hocuspocus serves
 * it as it is (no copy) and broadcasts its every update to them, main's (the team server's, a
 * merged save's) and each window's alike; here only who made a window's update is recorded, and
 * carets are relayed to and from the team server.
 */
function lend(doc: Document, main: StreamDoc): () => void {
  const author = main.author;
  const recordAuthor = (update: Uint8Array, origin: unknown) => {
    if (!author || !fromWindow(origin)) return;
    // After the update's own events are through, and never able to break the stream: inside the
    // document's `update` event an exception would leave it deaf for good (Yjs 13 skips the rest
    // of the transaction's cleanup), so the windows on it stopped hearing each other.
    setImmediate(() => {
      try {
        author(update);
      } catch (e) {
        console.error(`[window-stream] could not record who made an update: ${(e as Error).message}`);
      }
    });
  };
  doc.on('update', recordAuthor);
  const unrelay = main.awareness ? relayAwareness(doc.awareness, main.awareness, main.onTeamSynced) : undefined;
  return () => {
    doc.off('update', recordAuthor);
    unrelay?.();
  };
}

/**
 * Hocuspocus serving main's documents: loading one lends it instead of making a new document
 * filled with a copy, and unloading it (the last window closed) gives it back instead of
 * destroying it, since main keeps it syncing and projecting.
 */
class LendingHocuspocus extends GuardedHocuspocus {
  private readonly lent = new Map<string, { doc: Document; giveBack: () => void }>();

  constructor(
    configuration: Partial<Configuration>,
    private readonly source: StreamSource,
  ) {
    super(configuration);
  }

  override async loadDocument(documentName: string): Promise<Document> {
    const main = this.source.open(documentName);
    const doc = main.doc;
    if (!isLendable(doc)) {
      main.release();
      throw new Error(`${documentName} was not made by lendableDoc: the stream cannot serve it`);
    }
    const unlend = lend(doc, main);
    this.lent.set(documentName, {
      doc,
      giveBack: () => {
        unlend();
        main.release();
      },
    });
    return doc;
  }

  override async unloadDocument(document: Document): Promise<unknown> {
    const lent = this.lent.get(document.name);
    if (lent?.doc !== document) return super.unloadDocument(document);
    if (!this.shouldUnloadDocument(document)) return;
    this.documents.delete(document.name);
    this.lent.delete(document.name);
    lent.giveBack();
  }

  /** Documents a window has open right now. */
  lentNames(): string[] {
    return [...this.lent.keys()];
  }

  giveAllBack(): void {
    for (const { giveBack } of this.lent.values()) giveBack();
    this.lent.clear();
    this.documents.clear();
  }
}

export class WindowStream {
  private readonly hocuspocus: LendingHocuspocus;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });

  constructor(
    private readonly source: StreamSource,
    secret: string,
  ) {
    const hocuspocus: LendingHocuspocus = new LendingHocuspocus({
      name: 'workbench-window',
      quiet: true,
      // Main's document already wrote each update to disk; nothing to store on the way out.
      debounce: 0,
      async onAuthenticate(data: onAuthenticatePayload) {
        if (!safeEqual(data.token ?? '', secret)) throw refuse('invalid-secret: reload the page served by this workbench');
        const { readOnly, mayWrite } = source.check(data.documentName);
        data.connectionConfig.readOnly = readOnly;
        return { mayWrite };
      },
      async beforeSync({ document, connection, context, type, payload }) {
        // Checked here as the team server checks it, so main's document (and its disk) never
        // holds what the server would refuse.
        const mayWrite = (context as { mayWrite?: (update: Uint8Array, current: Y.Doc) => WriteVerdict }).mayWrite;
        if ((type !== 1 && type !== 2) || !mayWrite) return;
        const verdict = mayWrite(payload, document);
        connection.readOnly = !verdict.ok;
        // Hocuspocus's negative acknowledgement says nothing of why; the window resyncs on this.
        if (!verdict.ok) connection.sendStateless(refusalMessage(verdict.reason));
      },
      async connected({ connection, documentName }) {
        // A connection handed a document an unload was giving back (Hocuspocus 4's unloading race,
        // common/sync/unloading-race.ts) is on a document no longer lent: closed, the window's
        // provider reconnects and the document is lent again, presence and authorship included.
        if (await stillHeld(hocuspocus, connection.document)) return;
        connection.webSocket.close(4000, `reset: "${documentName}" was unloaded while this window opened it; reconnect`);
      },
    }, source);
    this.hocuspocus = hocuspocus;
  }

  /** Takes over an HTTP upgrade that http.ts already checked (host, origin, path). */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const connection = this.hocuspocus.handleConnection(ws, new Request(`http://${req.headers.host}${req.url ?? '/'}`, { headers }), {});
      ws.on('message', (data: Buffer) => connection.handleMessage(new Uint8Array(data)));
      ws.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
      ws.on('error', () => ws.terminate());
    });
  }

  /** Documents a window has open right now. */
  openDocuments(): string[] {
    return this.hocuspocus.lentNames();
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.hocuspocus.giveAllBack();
    this.source.close?.();
  }
}
