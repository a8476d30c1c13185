/**
 * The team server: Hocuspocus over our own HTTP(S) server, so that plain ws:// and wss:// (with
 * --tls-cert/--tls-key) share one code path, and /health is served beside the WebSocket.
 * Every connection authenticates with a member's token; each document is writable only by the
 * roles of common/sync/documents.ts, and read-only for everyone else (Hocuspocus then refuses
 * that connection's updates with a negative SyncStatus, so the sender keeps them as unsynced).
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Hocuspocus, type onAuthenticatePayload } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import { canWrite, parseDocumentName, postOf } from '../common/sync/documents';
import { mayWriteBody } from '../common/sync/body-writes';
import { Credits } from '../common/sync/credits';
import { memberDirectory, memberForToken, revokedMemberIds, type Member } from './members';
import { GroupCommit } from './group-commit';
import { DurableDocuments, storedDocuments } from './persistence';
import { openStore } from './store-api';
import { drain } from './drain';
import { sweepIdleDocuments } from './idle-documents';
import { openHeldDirectConnection, stillHeld } from './unloading-race';
import { jsonLogger, reasonCode, type Logger } from './logging';
import { ServerMetrics } from './metrics';
import { redisFanout } from './redis-fanout';

export interface TeamServerOptions {
  dataDir: string;
  /** Documents, members and tokens in PostgreSQL instead of dataDir's SQLite file. */
  postgres?: string;
  host?: string;
  port?: number;
  tls?: { certFile: string; keyFile: string };
  /** A larger WebSocket message is refused and its connection closed (1009, with the reason). */
  maxMessageBytes?: number;
  /** Open connections one member may hold at once (an app holds one; a script may add more). */
  maxConnectionsPerMember?: number;
  version: string;
  /** Share documents with other instances through Redis (their storage must be shared too). */
  redisUrl?: string;
  /** The bearer token GET /metrics asks for; without one /metrics is off. */
  metricsToken?: string;
  /** A document nobody has open and nobody changed for this long leaves memory (default 60 s). */
  idleUnloadMs?: number;
  /** A changed document is compacted once it has been quiet this long (default 2 s; 0: after every change), and at least every 10 s while it keeps changing. */
  compactAfterMs?: number;
  log?: Logger;
}

export interface RunningTeamServer {
  url: string;
  port: number;
  hocuspocus: Hocuspocus;
  /** Drains: stops taking connections, stores every loaded document, closes connections and the file. */
  close(): Promise<void>;
}

interface SocketContext {
  socket: WebSocket;
  member?: Member;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_CONNECTIONS_PER_MEMBER = 8;
export const DEFAULT_IDLE_UNLOAD_MS = 60_000;
export const DEFAULT_COMPACT_AFTER_MS = 2000;
const MAX_COMPACT_AFTER_MS = 10_000;
/** How often the server looks for members revoked by another process (`sync-server revoke`). */
const REVOCATION_POLL_MS = 250;
/** How long /ready waits for the store to answer. */
const STORE_READY_MS = 1000;

const refuse = (reason: string) => Object.assign(new Error(reason), { reason });

function answersWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function startTeamServer(options: TeamServerOptions): Promise<RunningTeamServer> {
  const log = options.log ?? jsonLogger();
  const store = await openStore(options.postgres ? { postgres: options.postgres } : { dataDir: options.dataDir }, {
    appVersion: options.version,
    onConnectionLost: (message) => log.warn('store.connection-lost', { message }),
  });
  const maxConnections = options.maxConnectionsPerMember ?? DEFAULT_MAX_CONNECTIONS_PER_MEMBER;
  const socketsByMember = new Map<string, Set<WebSocket>>();
  let draining = false;
  const fanout = options.redisUrl ? redisFanout(options.redisUrl, log) : undefined;
  // Declared before the gauges that read it; made below, once Hocuspocus is.
  let wss: WebSocketServer;
  const metrics: ServerMetrics = new ServerMetrics({ connections: () => wss.clients.size, documentsLoaded: (): number => hocuspocus.getDocumentsCount(), lockWaitSeconds: () => store.lockWaitSeconds ?? 0 });
  const commit = new GroupCommit(store, metrics.commitTimings(), log);

  const hocuspocus: Hocuspocus = new Hocuspocus({
    name: 'workbench-team',
    quiet: true,
    debounce: options.compactAfterMs ?? DEFAULT_COMPACT_AFTER_MS,
    maxDebounce: Math.max(options.compactAfterMs ?? 0, MAX_COMPACT_AFTER_MS),
    extensions: [...(fanout ? [fanout.extension] : []), storedDocuments(store, commit), new DurableDocuments(commit), metrics.extension()],
    async onAuthenticate(data: onAuthenticatePayload<SocketContext>) {
      try {
        return await authenticate(data);
      } catch (err) {
        const code = reasonCode((err as { reason?: string }).reason ?? '');
        metrics.refused.inc({ reason: code });
        log.warn('auth.refused', { reason: code, document: data.documentName });
        throw err;
      }
    },
    async beforeSync({ documentName, document, connection, context, type, payload }) {
      // A body's writers are decided per update (mayWriteBody), so that a guest author's
      // suggestion-only change passes: a refused update is answered as on a read-only connection.
      if ((type === 1 || type === 2) && context.member && parseDocumentName(documentName)?.kind === 'body') {
        const member: Member = context.member;
        const verdict = mayWriteBody({ role: member.role, memberId: member.id }, payload, document);
        connection.readOnly = !verdict.ok;
        if (!verdict.ok) log.info('body.refused', { member: member.id, document: documentName, reason: verdict.reason });
      }
    },
    async connected({ documentName, connection }) {
      // A connection left on a document unloaded under it hears nothing more (unloading-race.ts):
      // its socket is closed, and the laptop's reconnection opens the document the server holds.
      if (await stillHeld(hocuspocus, connection.document)) return;
      log.warn('document.unloaded-under-connection', { document: documentName });
      connection.webSocket.close(4000, `reset: "${documentName}" was unloaded while this connection opened it; reconnect`);
    },
    async afterLoadDocument({ documentName }) {
      log.info('document.load', { document: documentName });
    },
    async afterUnloadDocument({ documentName }) {
      log.info('document.unload', { document: documentName });
    },
  });

  async function authenticate(data: onAuthenticatePayload<SocketContext>) {
    const ref = parseDocumentName(data.documentName);
    if (!ref) throw refuse(`unknown-document: "${data.documentName}" is not a workspace document`);
    const member = await memberForToken(store, data.token ?? '');
    if (!member) throw refuse('invalid-token: the token is unknown or was revoked; ask an admin for a new invitation');
    const socket = data.context.socket;
    const mine = socketsByMember.get(member.id) ?? new Set<WebSocket>();
    if (!mine.has(socket) && mine.size >= maxConnections) {
      throw refuse(`too-many-connections: ${member.name} already has ${mine.size} open connections (the limit is ${maxConnections})`);
    }
    if (!mine.has(socket)) {
      // Once per socket, not per document: a laptop opens thousands of documents on one socket.
      mine.add(socket);
      socketsByMember.set(member.id, mine);
      socket.once('close', () => mine.delete(socket));
      log.info('member.connected', { member: member.id, role: member.role });
    }
    if (member.role === 'guest-author') {
      if (!guestSockets.has(socket)) {
        guestSockets.add(socket);
        socket.once('close', () => guestSockets.delete(socket) && guestSockets.size === 0 && forgetCredits());
      }
      const post = postOf(ref);
      if (post !== undefined && !(await guestCredits()).credited(member.authorId, post)) {
        throw refuse(`not-credited: ${member.name} is a guest author and is not credited on this post, so may not open it`);
      }
    }
    data.connectionConfig.readOnly = !canWrite(member.role, ref.kind);
    return { member };
  }

  // The credits are read from the bylines document, kept loaded while a guest author is connected
  // (a team without guests loads nothing more).
  const guestSockets = new Set<WebSocket>();
  let credits: Promise<{ credits: Credits; bylines: Awaited<ReturnType<typeof openHeldDirectConnection>> }> | undefined;
  async function guestCredits(): Promise<Credits> {
    credits ??= openHeldDirectConnection(hocuspocus, 'bylines').then((bylines) => ({ bylines, credits: new Credits(bylines.document!, closeUncredited) }));
    return (await credits).credits;
  }
  function forgetCredits(): void {
    const held = credits;
    credits = undefined;
    void held?.then(({ credits: c, bylines }) => (c.stop(), bylines.disconnect())).catch((err: Error) => log.warn('credits.release-failed', { message: err.message }));
  }

  /** A guest author uncredited on a post loses it at once: their open documents of it are closed. */
  function closeUncredited(credits: Credits): void {
    for (const document of hocuspocus.documents.values()) {
      const post = postOf(parseDocumentName(document.name) ?? { kind: 'index' });
      if (post === undefined) continue;
      for (const connection of document.getConnections()) {
        const member = (connection.context as { member?: Member }).member;
        if (member?.role !== 'guest-author' || credits.credited(member.authorId, post)) continue;
        log.info('guest.uncredited', { member: member.id, document: document.name });
        connection.close({ code: 4403, reason: `not-credited: ${member.name} is no longer credited on this post` });
      }
    }
  }

  wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES });
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => void answer(req, res).catch((err: Error) => {
    if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain' });
    res.end(`The team server's store did not answer: ${err.message}\n`);
  });
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/health') {
      const documents = await store.documentCount();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ ok: true, version: options.version, store: store.kind, documents, loadedDocuments: hocuspocus.getDocumentsCount(), connections: wss.clients.size }));
      return;
    }
    const route = req.method === 'GET' ? req.url?.split('?')[0] : undefined;
    if (route === '/ready') {
      const state = await ready();
      res.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(state));
      return;
    }
    if (route === '/metrics') return void (await metrics.serve(req, res, options.metricsToken));
    if (route === '/member' || route === '/members') {
      // /member: a joining laptop learns who its token belongs to before it stores the token.
      // /members: a member's laptop maps its people to the workspace's members (issue 22).
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const member = token ? await memberForToken(store, token) : null;
      const body = member && (route === '/member' ? { id: member.id, name: member.name, email: member.email, role: member.role, ...(member.authorId ? { authorId: member.authorId } : {}) } : await memberDirectory(store));
      res.writeHead(member ? 200 : 401, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      if (!member) res.end(JSON.stringify({ error: 'invalid-token: the token is unknown or was revoked; ask an admin for a new invitation' }));
      else res.end(JSON.stringify(body));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found: this is a workbench team server (WebSocket, GET /health, /ready, /metrics, /member and /members).\n');
  };
  const server = options.tls
    ? https.createServer({ cert: fs.readFileSync(options.tls.certFile), key: fs.readFileSync(options.tls.keyFile) }, onRequest)
    : http.createServer(onRequest);

  server.on('upgrade', (req, socket, head) => {
    if (draining) {
      // A member reconnecting during a drain is told to go elsewhere (the balancer picks another instance).
      metrics.refused.inc({ reason: 'draining' });
      const body = 'draining: this instance is shutting down; connect to another instance\n';
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: text/plain\r\nRetry-After: 1\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      commit.guard(ws);
      const context: SocketContext = { socket: ws };
      const connection = hocuspocus.handleConnection(ws, new Request(url, { headers }), context);
      ws.on('message', (data: Buffer) => connection.handleMessage(new Uint8Array(data)));
      ws.on('close', (code, reason) => {
        if (code === 1009) metrics.refused.inc({ reason: 'message-too-large' });
        connection.handleClose({ code, reason: reason.toString() });
      });
      ws.on('error', () => ws.terminate());
    });
  });

  // `sync-server revoke` runs in another process: notice its write and cut that member off.
  let seenMark = await store.revocationMark();
  let polling = false;
  const poll = setInterval(() => {
    if (polling) return;
    polling = true;
    void (async () => {
      const mark = await store.revocationMark();
      if (mark === seenMark) return;
      seenMark = mark;
      for (const id of await revokedMemberIds(store)) {
        for (const ws of socketsByMember.get(id) ?? []) ws.close(4401, 'revoked: this member was removed from the workspace');
        socketsByMember.delete(id);
      }
    })()
      .catch((err: Error) => log.error('revocation.check-failed', { message: err.message }))
      .finally(() => (polling = false));
  }, REVOCATION_POLL_MS);
  poll.unref();
  const stopSweep = sweepIdleDocuments(hocuspocus, options.idleUnloadMs ?? DEFAULT_IDLE_UNLOAD_MS, log);

  /** Ready to take members: not draining, the store answers, and Redis (when used) answers. */
  async function ready() {
    let storage = 'ok';
    try {
      // Any read answers whether the store does; a PostgreSQL that does not answer is not waited for.
      await answersWithin(Promise.resolve(store.revocationMark()), STORE_READY_MS);
    } catch (err) {
      storage = (err as Error).message;
    }
    const redis = fanout ? ((await fanout.reachable()) ? 'ok' : 'unreachable') : 'off';
    return { ready: !draining && storage === 'ok' && redis !== 'unreachable', draining, storage, redis };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    url: `${options.tls ? 'wss' : 'ws'}://${host}:${address.port}`,
    port: address.port,
    hocuspocus,
    close() {
      closing ??= (async () => {
        draining = true;
        clearInterval(poll);
        stopSweep();
        forgetCredits();
        await drain({ server, wss, hocuspocus, commit, closeStore: () => store.close(), log });
      })();
      return closing;
    },
  };
}
