/**
 * The window's live stream for the desktop app. Browser mode serves the stream as an upgrade of its
 * own loopback HTTP server; the desktop window's page comes from the app's own scheme instead, so
 * it gets a loopback server of its own that does nothing but the stream: 127.0.0.1 on a free
 * port, the upgrade accepted only with this server's Host (no DNS rebinding), the app page's
 * Origin and the stream's path, then the per-launch secret checked by the stream itself (inside
 * Hocuspocus's authentication). The page learns the address and the secret through the API
 * (`coedit.stream`), which in the desktop app travels over the sender-checked IPC channel only.
 *
 * Plain Node, no Electron: main/electron/app.ts starts it and hands its address to the CSP and
 * the session's request filter.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { STREAM_PATH } from '../common/transport';
import type { Ctx } from './context';

export interface StreamEndpoint {
  /** ws://127.0.0.1:<port>/stream */
  url: string;
  secret: string;
  close(): Promise<void>;
}

export type StreamUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer, secret: string) => void;

export async function startStreamEndpoint(o: { origin: string; upgrade: StreamUpgrade; secret?: string }): Promise<StreamEndpoint> {
  const secret = o.secret ?? crypto.randomBytes(32).toString('base64url');
  let port = 0;
  // Nothing but the stream is served here.
  const server = http.createServer((_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('Only the window stream is served here.\n');
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const deny = (why: string) => socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${why}\n`);
    if (req.headers.host !== `127.0.0.1:${port}`) return deny("Not this server's loopback address.");
    if (req.headers.origin !== o.origin) return deny("Only the app's own window may open its stream.");
    if (new URL(req.url ?? '/', 'http://x').pathname !== STREAM_PATH) return deny('No such stream.');
    o.upgrade(req, socket, head, secret);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}${STREAM_PATH}`,
    secret,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The page's CSP with the stream's address added to what it may connect to. */
export function cspWithStream(csp: string, url: string): string {
  return csp.replace(/connect-src ([^;]*)/, (_all, sources: string) => `connect-src ${sources} ${url}`);
}

/** Whether a request from the page is to the stream (the session lets it through, nothing else off-app). */
export function isStreamRequest(requestUrl: string, streamUrl: string | undefined): boolean {
  if (!streamUrl) return false;
  try {
    const u = new URL(requestUrl);
    const s = new URL(streamUrl);
    return u.protocol === s.protocol && u.host === s.host && u.pathname === s.pathname;
  } catch {
    return false;
  }
}

const endpoints = new WeakMap<Ctx, Promise<StreamEndpoint | null>>();

/** The desktop app's endpoint for this store; the stream's engine loads on the first upgrade only. */
export function startDesktopStream(ctx: () => Ctx | null, origin: string): Promise<StreamEndpoint> {
  let loaded = false;
  const upgrade: StreamUpgrade = (req, socket, head, secret) => {
    const store = ctx();
    if (!store) return void socket.destroy();
    loaded = true;
    import('./sync/window-bodies').then((m) => m.windowStream(store, secret).handleUpgrade(req, socket, head), () => socket.destroy());
  };
  return startStreamEndpoint({ origin, upgrade }).then((endpoint) => ({
    ...endpoint,
    close: async () => {
      const store = ctx();
      if (loaded && store) (await import('./sync/window-bodies')).closeWindowStream(store);
      await endpoint.close();
    },
  }));
}

/** Makes the endpoint what `coedit.stream` answers for this store. */
export function setStreamEndpoint(ctx: Ctx, endpoint: Promise<StreamEndpoint | null>): void {
  endpoints.set(ctx, endpoint);
}

export async function streamEndpointOf(ctx: Ctx): Promise<{ url: string; secret: string } | null> {
  const e = await (endpoints.get(ctx) ?? null);
  return e && { url: e.url, secret: e.secret };
}
