import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, createContext, type Ctx } from '../context';
import { createDispatch } from '../dispatch';
import { handlers } from '../handlers/index';
import { startServer, type RunningServer } from '../http';
import { SECRET_HEADER } from '../../common/transport';
import { uploadRoute } from './upload-route';
import { SAMPLES } from './testing';

let dir: string;
let ctx: Ctx;
let server: RunningServer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-upload-'));
  fs.mkdirSync(path.join(dir, 'www'));
  ctx = createContext({ dbPath: path.join(dir, 'w.sqlite'), mode: 'browser' });
  server = await startServer({ dispatch: createDispatch(handlers, ctx, { checkOutput: true }), rendererDir: path.join(dir, 'www'), rawRoutes: [uploadRoute(ctx, 64 * 1024)] });
});
afterAll(async () => {
  await server.close();
  closeContext(ctx);
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, body: Buffer | string, headers: Record<string, string> = {}) =>
  fetch(new URL(url, server.url), { method: 'POST', headers: { [SECRET_HEADER]: server.secret, ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
const api = async (method: string, input: unknown) => (await (await post(`api/${method}`, JSON.stringify(input), { 'content-type': 'application/json' })).json()) as any;

describe('POST /upload', () => {
  it('stores the file under the uploads folder and the import methods take its id', async () => {
    const res = await post('upload', fs.readFileSync(path.join(SAMPLES, 'wxr-isso-sample.xml')), { 'x-file-name': encodeURIComponent('../../évil name.xml') });
    expect(res.status).toBe(200);
    const { value } = (await res.json()) as { value: { uploadId: string; fileName: string; size: number } };
    expect(value.fileName).toBe('évil name.xml');
    expect(fs.existsSync(path.join(dir, 'uploads', value.uploadId))).toBe(true);
    const info = await api('imports.inspect', { file: { uploadId: value.uploadId } });
    expect(info.value).toMatchObject({ fileName: 'évil name.xml', format: 'wxr', needsPost: false });
    const run = await api('imports.run', { file: { uploadId: value.uploadId } });
    expect(run.value.comments.imported).toBe(8);
    // An imported upload is removed.
    expect(fs.existsSync(path.join(dir, 'uploads', value.uploadId))).toBe(false);
  });

  it('refuses a file over the size limit and keeps nothing of it', async () => {
    const before = fs.readdirSync(path.join(dir, 'uploads')).length;
    const res = await post('upload', Buffer.alloc(65 * 1024, 'a'));
    expect(res.status).toBe(413);
    expect(fs.readdirSync(path.join(dir, 'uploads')).length).toBe(before);
  });

  it('refuses an upload without the secret, and a path from the browser', async () => {
    const res = await fetch(new URL('upload', server.url), { method: 'POST', body: 'x' });
    expect(res.status).toBe(403);
    const r = await api('imports.preview', { file: { path: path.join(SAMPLES, 'wxr-isso-sample.xml') } });
    expect(r.error.code).toBe('FORBIDDEN');
  });
});
