/**
 * A window's caret after the main process's link to the team server drops and comes back: the
 * colleague on the other laptop sees it again without the window moving it. Real parts: a
 * Hocuspocus team server in this process, main's TeamPresence relay, the window stream on a
 * browser-mode HTTP server and a page's provider.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Hocuspocus } from '@hocuspocus/server';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { STREAM_PATH } from '../../common/transport';
import { startServer } from '../http';
import { lendableDoc } from './lendable-doc';
import { LocalDocs } from './local-docs';
import { TeamPresence } from './team-presence';
import { WindowStream } from './window-stream';
import { until } from './testing/co-editors';

const NAME = 'body/0190a0b2-7c1d-7000-8000-0000000000c5';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function provider(url: string, token: string, origin?: string) {
  const doc = new Y.Doc();
  class Socket extends WebSocket {
    constructor(u: string, protocols?: string | string[]) {
      super(u, protocols, origin ? { origin } : {});
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Socket, delay: 50, minDelay: 50, maxDelay: 200, maxAttempts: 0 });
  const p = new HocuspocusProvider({ websocketProvider: socket, name: NAME, document: doc, token });
  p.attach();
  cleanups.push(() => (p.destroy(), socket.destroy()));
  return p;
}

const names = (p: HocuspocusProvider) => [...p.awareness!.getStates().values()].map((s) => s.name as string).filter(Boolean);

it("re-announces the windows' carets when main reconnects to the team server, without the window moving", async () => {
  // The team server: Hocuspocus on a plain WebSocket server, whose sockets the test can cut.
  // Every document change the team server hears (there is no session provider here: only main's presence).
  let changes = 0;
  const hocuspocus = new Hocuspocus({ quiet: true, onChange: async () => void changes++ });
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const edSockets = new Set<WebSocket>();
  wss.on('connection', (ws, req) => {
    if (req.url === '/ed') edSockets.add(ws);
    const headers = new Headers();
    const connection = hocuspocus.handleConnection(ws, new Request(`http://127.0.0.1${req.url ?? '/'}`, { headers }), {});
    ws.on('message', (data: Buffer) => connection.handleMessage(new Uint8Array(data)));
    ws.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
  });
  await new Promise((r) => wss.once('listening', r));
  cleanups.push(() => new Promise((r) => (wss.clients.forEach((c) => c.terminate()), wss.close(r))));
  const teamUrl = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-carets-'));
  fs.mkdirSync(path.join(dir, 'www'));
  fs.writeFileSync(path.join(dir, 'www', 'index.html'), '<html><head></head></html>');
  const db = openDatabase(path.join(dir, 'store.sqlite'));
  const docs = new LocalDocs(db, undefined, lendableDoc);
  const presence = new TeamPresence(teamUrl, 'token');
  let stream: WindowStream | undefined;
  const http = await startServer({
    dispatch: async () => ({ ok: true, value: null }),
    rendererDir: path.join(dir, 'www'),
    upgrade: (req, socket, head, secret) => {
      stream ??= new WindowStream(
        {
          check: () => ({ readOnly: false }),
          open: (name) => {
            const held = presence.hold(name, docs.get(name));
            return { doc: docs.get(name), awareness: held.awareness, onTeamSynced: held.onSynced, release: held.release };
          },
        },
        secret,
      );
      stream.handleUpgrade(req, socket, head);
    },
  });
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => db.close());
  cleanups.push(() => http.close());
  cleanups.push(() => presence.close());
  cleanups.push(() => stream?.close());

  // Ann's window on this laptop sets her caret once; Ed, on another laptop, is on the team server.
  const ann = provider(`ws://127.0.0.1:${http.port}${STREAM_PATH}`, http.secret, `http://127.0.0.1:${http.port}`);
  const ed = provider(`${teamUrl}/ed`, 'token');
  await until('both synced', () => ann.isSynced && ed.isSynced);
  ann.awareness!.setLocalState({ name: 'Ann', anchorPos: 3 });
  ed.awareness!.setLocalState({ name: 'Ed' });
  await until("Ann's caret at Ed's", () => names(ed).includes('Ann'));
  await until("Ed's caret in Ann's window", () => names(ann).includes('Ed'));

  // The link between this laptop's main process and the team server drops (a network blip) and
  // comes back by itself; Ed's own connection stays.
  for (const c of wss.clients) if (!edSockets.has(c)) c.terminate();
  await until("Ann's caret gone at Ed's while this laptop is away", () => !names(ed).includes('Ann'), 5000);
  await until("Ann's caret back at Ed's with no move of hers", () => names(ed).includes('Ann'), 10_000);
  await until("Ed's caret back in Ann's window", () => names(ann).includes('Ed'), 10_000);

  // Her next move is taken as new on both sides (her window's clock followed the renewal).
  ann.awareness!.setLocalStateField('anchorPos', 9);
  await until('the move reaches Ed', () => [...ed.awareness!.getStates().values()].some((s) => s.name === 'Ann' && s.anchorPos === 9), 10_000);

  // The presence link carries carets only: Ann's typing goes to the server through the session's
  // provider (absent here), never a second time through this one. Her caret moves after her typing,
  // on the same sockets, so once Ed sees the move, any change sent through presence would be there.
  ann.document.get('root', Y.XmlText).insert(0, 'Typed once');
  await until("Ann's typing in main's document", () => docs.get(NAME).get('root', Y.XmlText).toString() === 'Typed once');
  ann.awareness!.setLocalStateField('anchorPos', 10);
  await until('the later move reaches Ed', () => [...ed.awareness!.getStates().values()].some((s) => s.name === 'Ann' && s.anchorPos === 10), 10_000);
  expect(changes).toBe(0);
  expect(ed.document.get('root', Y.XmlText).toString()).toBe('');
});
