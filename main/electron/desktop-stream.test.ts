/**
 * The desktop window's live stream: its own loopback socket (main/stream-endpoint.ts) serving a
 * real WindowStream over a real SQLite file to real Hocuspocus providers that present the app
 * page's origin, and the shell's wiring of it (the page's CSP, the session's request filter, the
 * address and secret through `coedit.stream`), with Electron's own modules replaced by fakes.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  served: null as null | ((request: { url: string }) => Promise<Response>),
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
}));

vi.mock('electron', () => ({
  app: { on: () => undefined },
  shell: { openExternal: async () => undefined },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: (_scheme: string, fn: typeof state.served) => (state.served = fn) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: { onBeforeRequest: (fn: typeof state.beforeRequest) => (state.beforeRequest = fn) },
    },
  },
}));

import { openDatabase } from '../../db/connection';
import { STREAM_PATH } from '../../common/transport';
import { PAGE_CSP } from '../http';
import { coEditingHandlers } from '../handlers/co-editing';
import type { Ctx } from '../context';
import { cspWithStream, isStreamRequest, setStreamEndpoint, startStreamEndpoint, type StreamEndpoint } from '../stream-endpoint';
import { lendableDoc } from '../sync/lendable-doc';
import { LocalDocs } from '../sync/local-docs';
import { until as waitFor } from '../sync/testing/co-editors';
import { WindowStream, type StreamSource } from '../sync/window-stream';
import { APP_ORIGIN, serveRenderer } from './protocol';
import { lockDownSession } from './security';
import { streamClient } from '../sync/testing/stream-client';

const until = (check: () => boolean, what: string) => waitFor(what, check, 10_000);
const NAME = 'body/0190a0b2-7c1d-7000-8000-000000000002';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-desktop-stream-'));
  const db = openDatabase(path.join(dir, 'store.sqlite'));
  const docs = new LocalDocs(db, undefined, lendableDoc);
  const source: StreamSource = { check: () => ({ readOnly: false }), open: (name) => ({ doc: docs.get(name), awareness: null, release: () => undefined }) };
  let stream: WindowStream | undefined;
  const endpoint = await startStreamEndpoint({
    origin: APP_ORIGIN,
    upgrade: (req, socket, head, secret) => (stream ??= new WindowStream(source, secret)).handleUpgrade(req, socket, head),
  });
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => db.close());
  cleanups.push(() => endpoint.close());
  cleanups.push(() => stream?.close());
  return { dir, endpoint, mainDoc: docs.get(NAME) };
}

/** The desktop page's provider: the app scheme's origin on the socket, as Chromium sends it. */
function windowClient(url: string, token: string, origin = APP_ORIGIN) {
  const client = streamClient(url, NAME, token, origin);
  cleanups.push(() => client.destroy());
  return client;
}

/** The HTTP status a WebSocket upgrade gets (101 when accepted). */
function upgradeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin });
    ws.on('unexpected-response', (_req, res) => (resolve(res.statusCode ?? 0), ws.terminate()));
    ws.on('open', () => (resolve(101), ws.close()));
    ws.on('error', () => undefined);
  });
}

describe("the desktop window's stream", () => {
  it("co-edits a body with the app's window through its loopback socket, on disk in main's document", async () => {
    const s = await setup();
    expect(s.endpoint.url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+${STREAM_PATH}$`));
    const a = windowClient(s.endpoint.url, s.endpoint.secret);
    const b = windowClient(s.endpoint.url, s.endpoint.secret);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both windows synced');
    a.doc.get('root', Y.XmlText).insert(0, 'Typed in the desktop window');
    await until(() => b.doc.get('root', Y.XmlText).toString() === 'Typed in the desktop window', 'the second window to see it');
    expect(s.mainDoc.get('root', Y.XmlText).toString()).toBe('Typed in the desktop window');
  });

  it('refuses a wrong secret, another origin, another host name, another path, and serves no plain request', async () => {
    const s = await setup();
    const wrong = windowClient(s.endpoint.url, 'not-the-secret');
    await until(() => wrong.failures.length > 0, 'the refusal');
    expect(wrong.failures[0]).toMatch(/invalid-secret/);
    const port = new URL(s.endpoint.url).port;
    expect(await upgradeStatus(s.endpoint.url, 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(`ws://localhost:${port}${STREAM_PATH}`, APP_ORIGIN)).toBe(403);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/other`, APP_ORIGIN)).toBe(403);
    const status = await new Promise<number>((resolve) => http.get(`http://127.0.0.1:${port}/`, (res) => (resolve(res.statusCode ?? 0), res.resume())));
    expect(status).toBe(404);
  });

  it("is in the page's CSP, passes the session's request filter (nothing else off-app does), and `coedit.stream` answers it", async () => {
    const s = await setup();
    const rendererDir = path.join(s.dir, 'www');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head></html>');
    serveRenderer(rendererDir, () => cspWithStream(PAGE_CSP, s.endpoint.url));
    const page = await state.served!({ url: 'workbench://app/index.html' });
    expect(page.headers.get('Content-Security-Policy')).toContain(`connect-src 'self' ${s.endpoint.url};`);

    lockDownSession((url) => isStreamRequest(url, s.endpoint.url));
    const cancelled = (url: string) => new Promise<boolean>((resolve) => state.beforeRequest!({ url }, (r) => resolve(r.cancel)));
    expect(await cancelled(s.endpoint.url)).toBe(false);
    expect(await cancelled('workbench://app/index.html')).toBe(false);
    const port = Number(new URL(s.endpoint.url).port);
    expect(await cancelled(`ws://127.0.0.1:${port + 1}${STREAM_PATH}`)).toBe(true);
    expect(await cancelled(`ws://127.0.0.1:${port}/other`)).toBe(true);
    expect(await cancelled('https://example.com/')).toBe(true);

    const ctx = {} as Ctx;
    const ask = () => coEditingHandlers['coedit.stream']({}, ctx);
    expect(await ask()).toBeNull(); // browser mode and the CLI: no endpoint of their own
    setStreamEndpoint(ctx, Promise.resolve<StreamEndpoint>(s.endpoint));
    expect(await ask()).toEqual({ url: s.endpoint.url, secret: s.endpoint.secret });
  });
});
