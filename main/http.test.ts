/**
 * Browser mode's lockdown, proved against a real server on 127.0.0.1 with real HTTP requests
 * (node:http, and raw sockets where a request must carry bytes node:http refuses to send).
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, createContext, type Ctx } from './context';
import { createDispatch } from './dispatch';
import { handlers } from './handlers/index';
import { isHashedAsset, resolveStatic, startServer, type RunningServer } from './http';
import { SECRET_HEADER } from '../common/transport';

const SECRET_TEXT = 'TOP-SECRET-OUTSIDE-THE-RENDERER';
const LIMIT = 64 * 1024;

let root: string;
let rendererDir: string;
let ctx: Ctx;
let server: RunningServer;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-http-'));
  rendererDir = path.join(root, 'www', 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body>app</body></html>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  // Files a traversal would be after: beside the folder, above it, and a sibling with a common prefix.
  fs.writeFileSync(path.join(root, 'www', 'secret.txt'), SECRET_TEXT);
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET_TEXT);
  fs.mkdirSync(path.join(root, 'www', 'renderer-private'));
  fs.writeFileSync(path.join(root, 'www', 'renderer-private', 'secret.txt'), SECRET_TEXT);
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  ctx = createContext({ dbPath: path.join(root, 'db', 'workbench.sqlite'), mode: 'browser' });
  server = await startServer({ dispatch: createDispatch(handlers, ctx), rendererDir, maxBodyBytes: LIMIT });
});

afterAll(async () => {
  await server?.close();
  if (ctx) closeContext(ctx);
  fs.rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(o: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: o.host ?? '127.0.0.1',
        port: server.port,
        method: o.method ?? 'GET',
        path: o.path,
        headers: { host: `127.0.0.1:${server.port}`, ...o.headers },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (o.body !== undefined) {
      if (o.chunked) {
        // No Content-Length: the server can only find out by counting.
        const buf = Buffer.from(o.body);
        for (let i = 0; i < buf.length; i += 8192) req.write(buf.subarray(i, i + 8192));
      } else req.write(o.body);
    }
    req.end();
  });
}

/** Exact bytes on the wire, for request lines node:http would refuse to send. */
function rawGet(target: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => {
      socket.write(Buffer.concat([Buffer.from('GET '), Buffer.from(target, 'latin1'), Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`)]));
    });
    let text = '';
    socket.on('data', (c) => (text += c.toString('latin1')));
    socket.on('end', () => resolve({ status: Number(text.slice(9, 12)) || 0, text }));
    socket.on('error', reject);
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  request({ method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', [SECRET_HEADER]: server.secret, ...headers }, body: JSON.stringify(body) });

describe('browser mode lockdown', () => {
  it('listens on 127.0.0.1 only', async () => {
    const address = server.server.address() as net.AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    // Every other address of this machine refuses the connection.
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => !!i && i.address !== '127.0.0.1' && !i.address.startsWith('fe80'))
      .map((i) => i.address);
    for (const host of new Set([...others, '::1'])) {
      await expect(request({ path: '/', host }), host).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EHOSTUNREACH|EAFNOSUPPORT/);
    }
  });

  it('answers a well-formed API call from its own page', async () => {
    const r = await api('system.info', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('refuses API calls without the secret, with a wrong one, or with one of another length', async () => {
    for (const secret of [undefined, 'wrong', server.secret.slice(0, -1) + (server.secret.endsWith('A') ? 'B' : 'A'), server.secret + 'x', '']) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== undefined) headers[SECRET_HEADER] = secret;
      const r = await request({ method: 'POST', path: '/api/posts.create', headers, body: '{"title":"forged"}' });
      expect(r.status, String(secret)).toBe(403);
      expect(JSON.parse(r.body).error.code).toBe('FORBIDDEN');
    }
    expect((JSON.parse((await api('posts.list', {})).body) as { value: unknown[] }).value).toEqual([]);
  });

  it('refuses requests from a foreign Origin, even with the secret', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`, 'null', `http://127.0.0.1.evil.example:${server.port}`]) {
      const r = await api('posts.create', { title: 'forged' }, { origin });
      expect(r.status, origin).toBe(403);
      const page = await request({ path: '/', headers: { origin } });
      expect(page.status, origin).toBe(403);
    }
    expect((JSON.parse((await api('posts.list', {})).body) as { value: unknown[] }).value).toEqual([]);
  });

  it('refuses a Host other than its loopback address (DNS rebinding), for the page and the API', async () => {
    const port = server.port;
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.2:${port}`, `0.0.0.0:${port}`, `[::1]:${port}`, `127.0.0.1:${port}.evil.example`, '']) {
      const page = await request({ path: '/', headers: { host } });
      expect(page.status, host).toBe(403);
      expect(page.body).not.toContain(server.secret);
      const r = await api('system.info', {}, { host });
      expect(r.status, host).toBe(403);
    }
  });

  it('serves the page with its secret and a strict CSP only to its own Host', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain(server.secret);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses request bodies over the size limit with 413, whether declared or streamed', async () => {
    const big = JSON.stringify({ title: 'x', standfirst: 'y'.repeat(LIMIT) });
    const declared = await request({ method: 'POST', path: '/api/posts.create', headers: { 'content-type': 'application/json', [SECRET_HEADER]: server.secret }, body: big });
    expect(declared.status).toBe(413);
    const streamed = await request({
      method: 'POST',
      path: '/api/posts.create',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: server.secret, 'transfer-encoding': 'chunked' },
      body: big,
      chunked: true,
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.message).toMatch(/limit/);
    expect((JSON.parse((await api('posts.list', {})).body) as { value: unknown[] }).value).toEqual([]);
    // The server is still serving afterwards.
    expect((await api('system.info', {})).status).toBe(200);
  });

  it('answers malformed API requests with a clear 4xx, never a crash', async () => {
    const headers = { 'content-type': 'application/json', [SECRET_HEADER]: server.secret };
    expect((await request({ method: 'POST', path: '/api/posts.list', headers, body: '{not json' })).status).toBe(400);
    expect((await request({ method: 'POST', path: '/api/posts.list', headers: { ...headers, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await request({ method: 'GET', path: '/api/posts.list', headers })).status).toBe(405);
    const badEscape = await request({ method: 'POST', path: '/api/%E0%A4%A', headers, body: '{}' });
    expect(badEscape.status).toBeLessThan(500);
    const unknown = await api('no.such.method', {});
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_METHOD');
  });

  it('serves files inside the renderer folder', async () => {
    const r = await request({ path: '/assets/app.js' });
    expect(r.status).toBe(200);
    expect(r.body).toBe('console.log("app")');
    expect(r.headers['content-type']).toMatch(/javascript/);
  });

  it('keeps a hashed build file in memory once served, and serves any other file afresh', async () => {
    const hashed = path.join(rendererDir, 'assets', 'chunk-AbC_1234.js');
    const plain = path.join(rendererDir, 'assets', 'plain.js');
    fs.writeFileSync(hashed, 'export const v = 1;');
    fs.writeFileSync(plain, 'one');
    expect((await request({ path: '/assets/chunk-AbC_1234.js' })).body).toBe('export const v = 1;');
    expect((await request({ path: '/assets/plain.js' })).body).toBe('one');
    // A hashed name's bytes never change: the kept copy answers, even with the file gone.
    fs.rmSync(hashed);
    const again = await request({ path: '/assets/chunk-AbC_1234.js' });
    expect([again.status, again.body, again.headers['content-type'], again.headers['content-length']]).toEqual([200, 'export const v = 1;', expect.stringMatching(/javascript/), '19']);
    fs.writeFileSync(plain, 'two');
    expect((await request({ path: '/assets/plain.js' })).body).toBe('two');
    expect(isHashedAsset(rendererDir, path.join(rendererDir, 'assets', 'index-BDb-UhCC.js'))).toBe(true);
    expect(isHashedAsset(rendererDir, path.join(rendererDir, 'index-BDb-UhCC.js'))).toBe(false);
    expect(isHashedAsset(rendererDir, path.join(rendererDir, 'assets', 'favicon.ico'))).toBe(false);
  });

  const TRAVERSALS = [
    '/../secret.txt',
    '/../../secret.txt',
    '/assets/../../secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2E%2E%2F%2E%2E%2Fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/%252e%252e/%252e%252e/secret.txt',
    '/..\\secret.txt',
    '/..%5csecret.txt',
    '/..%5c..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/..%00/secret.txt',
    '/secret.txt%00.js',
    '/%2fsecret.txt',
    'ABSOLUTE-PATH-OF-SECRET',
    `/..%2frenderer-private%2fsecret.txt`,
    '/../renderer-private/secret.txt',
    '/assets/link.txt',
    '/.%2e/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/..;/secret.txt',
  ];

  it.each(TRAVERSALS)('does not serve a file outside the renderer folder for %s', async (given) => {
    const target = given === 'ABSOLUTE-PATH-OF-SECRET' ? `/${encodeURIComponent(path.join(root, 'secret.txt'))}` : given;
    const r = await rawGet(target);
    expect(r.text).not.toContain(SECRET_TEXT);
    expect(r.status === 200 ? 'app page' : r.status).toSatisfy((s: unknown) => s === 'app page' || s === 400 || s === 403 || s === 404);
  });

  it('refuses raw null bytes and backslashes in the request path', async () => {
    expect((await rawGet('/..\u0000/secret.txt')).text).not.toContain(SECRET_TEXT);
    expect((await rawGet('/..\\..\\secret.txt')).text).not.toContain(SECRET_TEXT);
  });

  it('maps URL paths by resolveStatic to files inside the root, or to nothing', () => {
    expect(resolveStatic(rendererDir, '/assets/app.js')).toBe(path.join(rendererDir, 'assets', 'app.js'));
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/%00', '/a%00b', '/%E0%A4%A', '/../renderer-private/secret.txt']) {
      const file = resolveStatic(rendererDir, p);
      if (file !== null) expect(file.startsWith(rendererDir + path.sep), `${p} -> ${file}`).toBe(true);
    }
    expect(resolveStatic(rendererDir, '/..%5csecret.txt')).toBeNull();
    expect(resolveStatic(rendererDir, '/a%00b')).toBeNull();
    // The Electron app's protocol handler maps paths with the same function, so a link out is refused there too.
    expect(resolveStatic(rendererDir, '/assets/link.txt')).toBeNull();
  });
});
