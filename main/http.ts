/**
 * Browser mode: the same dispatch as the Electron bridge, over HTTP on 127.0.0.1 only.
 *
 * Other web pages in the user's browser can reach a loopback port, so every request is checked:
 * the Host must be this server's loopback address (defeats DNS rebinding), an Origin when present
 * must be ours, and API calls must carry a per-launch secret that only the served page receives
 * (written into index.html at serve time; other origins cannot read it).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Dispatch } from './dispatch';
import { SECRET_HEADER, SECRET_META, STREAM_PATH } from '../common/transport';
import { STYLESHEET_HASH } from '../common/publish/styles';

export interface RawRoute {
  method: 'GET' | 'POST';
  /** Path prefix, e.g. '/upload'. Raw routes pass the same host, origin and secret checks as the API. */
  prefix: string;
  handle: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void | Promise<void>;
}

export interface ServerOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  port?: number;
  /** Largest JSON body accepted on /api, in bytes. */
  maxBodyBytes?: number;
  rawRoutes?: RawRoute[];
  /** Fixed secret, for tests that need to forge requests; random per launch otherwise. */
  secret?: string;
  /**
   * The window's live stream (a WebSocket on STREAM_PATH): called after the host and origin checks;
   * the handler checks the secret itself (inside the socket's first message: a browser cannot
   * put headers on a WebSocket).
   */
  upgrade?: (req: http.IncomingMessage, socket: Duplex, head: Buffer, secret: string) => void;
}


export interface RunningServer {
  url: string;
  port: number;
  secret: string;
  server: http.Server;
  close: () => Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.dic': 'text/plain; charset=utf-8',
  '.aff': 'text/plain; charset=utf-8',
};

/** The page's CSP: nothing from the network, no inline script, no eval. Preview frames are same-origin blobs/srcdoc. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${STYLESHEET_HASH}`, // the publish preview's srcdoc frame inherits this policy
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "child-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string) {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }));
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/**
 * Reads a request body up to a limit; rejects with status 413 past it. The rest of an oversized
 * body is read and dropped rather than the socket cut, so the client gets the 413 answer instead
 * of a reset connection.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooBig = (what: string) => Object.assign(new Error(`${what} is over the ${limit}-byte limit`), { status: 413 });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(tooBig(`request body of ${declared} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.off('data', onData);
        req.resume();
        reject(tooBig('request body'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function safeRealpath(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

function isInside(root: string, file: string | null): boolean {
  if (file === null) return false;
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Maps a URL path to a file inside root, or null when it would leave root (any encoding of ../, or a link). */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = path.posix.normalize(decoded).replace(/^\/+/, '');
  if (rel.startsWith('..')) return null;
  const full = path.resolve(root, rel || 'index.html');
  const inside = path.relative(root, full);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return null;
  // A symbolic link inside the folder must not lead out of it (a missing file is the caller's 404).
  const real = safeRealpath(full);
  if (real !== null && !isInside(safeRealpath(root) ?? root, real)) return null;
  return full;
}

/** Larger files are streamed each time, not kept (the whole build's assets are about 2 MB). */
const MAX_CACHED_ASSET = 4 * 1024 * 1024;

/** A file Vite named by its content (renderer/assets/<name>-<hash>.<ext>), so its bytes never change under that name. */
export function isHashedAsset(rendererDir: string, file: string): boolean {
  return path.dirname(file) === path.join(rendererDir, 'assets') && /-[\w-]{8}\.(js|css)$/.test(path.basename(file));
}

function sendAsset(req: http.IncomingMessage, res: http.ServerResponse, file: string, data: Buffer): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': data.length,
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}

export function startServer(o: ServerOptions): Promise<RunningServer> {
  const secret = o.secret ?? crypto.randomBytes(32).toString('base64url');
  const maxBody = o.maxBodyBytes ?? 32 * 1024 * 1024;
  const rendererDir = path.resolve(o.rendererDir);
  let port = 0;
  let indexHtml: string | null = null;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  /**
   * The build's hashed files (assets/<name>-<hash>.js|css), kept in memory once served: a cold
   * window asks for a dozen at once, and each otherwise cost a stat, an open, reads and a close on
   * libuv's four threads, queued behind one another while the window waited. A hashed name's
   * content never changes, so a kept copy is never stale.
   */
  const assetCache = new Map<string, Buffer>();
  const servePage = (res: http.ServerResponse, file: string) => {
    if (indexHtml === null) {
      const raw = fs.readFileSync(file, 'utf8');
      // The secret goes into a meta tag: readable by our own page, by nobody else.
      indexHtml = raw.replace('</head>', `<meta name="${SECRET_META}" content="${secret}">\n</head>`);
    }
    send(res, 200, indexHtml, CONTENT_TYPES['.html'], { 'Content-Security-Policy': PAGE_CSP });
  };

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (!allowedHosts().has(host)) return sendError(res, 403, 'FORBIDDEN', `Host "${host.slice(0, 100)}" is not this server's loopback address.`);
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) {
        return sendError(res, 403, 'FORBIDDEN', `Requests from ${origin.slice(0, 100)} are not allowed.`);
      }
      const url = new URL(req.url ?? '/', `http://${host}`);
      const isApi = url.pathname.startsWith('/api/');
      const raw = o.rawRoutes?.find((r) => r.method === req.method && url.pathname.startsWith(r.prefix));
      if (isApi || raw) {
        const given = req.headers[SECRET_HEADER];
        if (typeof given !== 'string' || !safeEqual(given, secret)) {
          req.resume();
          return sendError(res, 403, 'FORBIDDEN', 'Missing or wrong workbench secret; reload the page served by this server.');
        }
      }
      if (raw) return await raw.handle(req, res, url);
      if (isApi) {
        if (req.method !== 'POST') return sendError(res, 405, 'BAD_INPUT', 'API methods are called with POST.');
        const type = req.headers['content-type'] ?? '';
        if (!type.startsWith('application/json')) return sendError(res, 415, 'BAD_INPUT', 'API calls send application/json.');
        let input: unknown;
        try {
          const body = await readBody(req, maxBody);
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch (err) {
          const status = (err as { status?: number }).status ?? 400;
          return sendError(res, status, 'BAD_INPUT', status === 413 ? (err as Error).message : 'The request body is not valid JSON.');
        }
        let method: string;
        try {
          method = decodeURIComponent(url.pathname.slice('/api/'.length));
        } catch {
          return sendError(res, 400, 'BAD_INPUT', 'The method name in the URL is not valid percent-encoding.');
        }
        const result = await o.dispatch(method, input);
        return send(res, 200, JSON.stringify(result));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'BAD_INPUT', 'Only GET serves files.');
      const file = resolveStatic(rendererDir, url.pathname);
      if (!file) return sendError(res, 404, 'NOT_FOUND', 'No such file.');
      if (path.resolve(file) === path.join(rendererDir, 'index.html')) return servePage(res, file);
      const cached = assetCache.get(file);
      if (cached) return sendAsset(req, res, file, cached);
      fs.stat(file, (err, st) => {
        if (err || !st.isFile()) {
          // Client-side routes fall back to the app page.
          if (!path.extname(file)) return servePage(res, path.join(rendererDir, 'index.html'));
          return sendError(res, 404, 'NOT_FOUND', 'No such file.');
        }
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': st.size,
          'Cache-Control': 'no-cache',
        });
        if (req.method === 'HEAD') return res.end();
        if (isHashedAsset(rendererDir, file) && st.size <= MAX_CACHED_ASSET) {
          // Read whole, kept, and sent in one write: see assetCache.
          return fs.readFile(file, (readErr, data) => {
            if (readErr) return res.destroy();
            assetCache.set(file, data);
            res.end(data);
          });
        }
        fs.createReadStream(file).pipe(res);
      });
    } catch (err) {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', (err as Error).message);
      else res.destroy();
    }
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const deny = (why: string) => {
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${why}\n`);
    };
    // A browser always sends Origin on a WebSocket: only our own page may open the stream.
    if (!allowedHosts().has(req.headers.host ?? '')) return deny('Not this server\'s loopback address.');
    if (!allowedOrigins().has(req.headers.origin ?? '')) return deny('Only the page served here may open its stream.');
    if (!o.upgrade || new URL(req.url ?? '/', 'http://x').pathname !== STREAM_PATH) return deny('No such stream.');
    o.upgrade(req, socket, head, secret);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        secret,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
