/**
 * The window's live channel to the main process: one more channel of the API transport, over
 * which a draft body's Yjs sync and awareness messages travel between the window's Y.Doc and the
 * main process's. It is a loopback Hocuspocus endpoint (the engine's own sync protocol and
 * acknowledgements, nothing hand-written), served as a WebSocket upgrade of browser mode's HTTP
 * server; the page's HocuspocusProvider authenticates with the per-launch secret that the API
 * calls carry, since a browser cannot put headers on a WebSocket.
 *
 * The main process's document is the one of record: every update from a window is applied to it
 * synchronously inside the Hocuspocus document's `update` event, and the main document writes it
 * to SQLite in its own `update` event (LocalDocs), so it is on disk before Hocuspocus answers the
 * window with its sync acknowledgement. What main's document receives (the team server, another
 * window, a whole-body save merged by main) is relayed to every window on it.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Document, type onAuthenticatePayload } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { WriteVerdict } from '../../common/sync/body-writes';
import { refusalMessage } from '../../common/sync/window-refusal';
import { relayAwareness } from './awareness-relay';

/** A body document as the main process lends it to the windows while one is open on it. */
export interface StreamDoc {
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

const FROM_MAIN = Symbol('from-main');
const FROM_WINDOW = Symbol('from-window');

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/** Keeps a window-side Hocuspocus document and main's document equal, both ways, awareness too. */
function link(window: Document, main: StreamDoc): () => void {
  Y.applyUpdate(window, Y.encodeStateAsUpdate(main.doc), FROM_MAIN);
  let fromWindow = false;
  const toMain = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_MAIN) return;
    fromWindow = true;
    try {
      // Not LOCAL (which marks changes pushed from the tables): like a colleague's change, a
      // window's edit is then projected into the posts table (text, counts, search) by the session.
      Y.applyUpdate(main.doc, update, FROM_WINDOW);
    } catch (e) {
      // Main's listeners failed on it (main has the update all the same). Never thrown on: inside
      // this document's `update` event, an exception would leave it deaf for good (Yjs 13 skips
      // the rest of the transaction's cleanup), so the windows on it stopped hearing each other.
      console.error(`[window-stream] ${window.name}: main's document failed on a window's update: ${(e as Error).message}`);
    } finally {
      fromWindow = false;
    }
    // After the update's own events are through, and never able to break the stream.
    if (main.author) {
      const author = main.author;
      setImmediate(() => {
        try {
          author(update);
        } catch (e) {
          console.error(`[window-stream] could not record who made an update: ${(e as Error).message}`);
        }
      });
    }
  };
  const toWindow = (update: Uint8Array) => {
    if (fromWindow) return;
    // Inside main's `update` event: never thrown on, for the reason above.
    try {
      Y.applyUpdate(window, update, FROM_MAIN);
    } catch (e) {
      console.error(`[window-stream] ${window.name}: the windows' document failed on main's update: ${(e as Error).message}`);
    }
  };
  window.on('update', toMain);
  main.doc.on('update', toWindow);

  const unrelay = main.awareness ? relayAwareness(window.awareness, main.awareness, main.onTeamSynced) : undefined;
  return () => {
    window.off('update', toMain);
    main.doc.off('update', toWindow);
    unrelay?.();
  };
}

export class WindowStream {
  private readonly hocuspocus: Hocuspocus;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  private readonly links = new Map<string, () => void>();

  constructor(
    private readonly source: StreamSource,
    secret: string,
  ) {
    const links = this.links;
    this.hocuspocus = new Hocuspocus({
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
      async onLoadDocument({ document, documentName }) {
        const main = source.open(documentName);
        const unlink = link(document, main);
        links.set(documentName, () => {
          unlink();
          main.release();
        });
      },
      async afterUnloadDocument({ documentName }) {
        links.get(documentName)?.();
        links.delete(documentName);
      },
    });
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
    return [...this.links.keys()];
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    for (const unlink of this.links.values()) unlink();
    this.links.clear();
    this.source.close?.();
  }
}
