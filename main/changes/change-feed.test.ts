/**
 * The change events the windows get instead of a poll, driven for real: a store on disk, a
 * `workbench` command in another process, browser mode's HTTP server on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EVERYTHING, MAX_IDS, type ChangeEvent } from '../../common/changes';
import { EVENTS_PATH, SECRET_HEADER } from '../../common/transport';
import { closeContext, createContext, type Ctx } from '../context';
import { createDispatch } from '../dispatch';
import { handlers } from '../handlers/index';
import { startServer, type RunningServer } from '../http';
import { ChangeFeed } from './change-feed';
import { eventsRoute } from './events-route';
import { methodChanges } from './method-changes';

const ROOT = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function store(): Ctx {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-changes-'));
  const ctx = createContext({ dbPath: path.join(dir, 'workbench.sqlite'), mode: 'browser' });
  cleanups.push(() => {
    closeContext(ctx);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return ctx;
}

function feedOf(ctx: Ctx, timing = { coalesceMs: 20, minGapMs: 100, watchMs: 20 }) {
  const feed = new ChangeFeed(() => ctx.db, timing);
  const events: ChangeEvent[] = [];
  const arrivals: number[] = [];
  cleanups.push(feed.subscribe((e) => (events.push(e), arrivals.push(Date.now()))));
  cleanups.push(() => feed.stop());
  return { feed, events, arrivals };
}

const until = async (done: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; !done(); await new Promise((r) => setTimeout(r, 10))) if (Date.now() > end) throw new Error('timed out');
};

const workbench = (ctx: Ctx, ...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), ...args, '--db', ctx.dbPath], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('the change feed', () => {
  it('sees a `workbench` command in another process change a post, and names that post', async () => {
    const ctx = store();
    const call = createDispatch(handlers, ctx);
    const created = await call('posts.create', { title: 'Care at home' });
    expect(created.ok).toBe(true);
    const post = (created as { value: { id: string; slug: string } }).value;
    const { events } = feedOf(ctx);
    await new Promise((r) => setTimeout(r, 60));
    expect(events).toEqual([]);

    workbench(ctx, 'set-status', post.slug, 'in-review');
    await until(() => events.length > 0);
    expect(events[0].changes.posts).toEqual([post.id]);
    expect(events[0].changes.comments).toBeUndefined();
  }, 60_000);

  it('says everything may have changed when another connection commits without a journal entry', async () => {
    const ctx = store();
    const { events } = feedOf(ctx);
    await new Promise((r) => setTimeout(r, 60));
    const other = new Database(ctx.dbPath);
    other.exec('CREATE TABLE push_probe (x)');
    other.close();
    await until(() => events.length > 0);
    expect(events[0].changes).toEqual(EVERYTHING);
  });

  it('sends a burst of 100,000 changes as one event, and keeps events apart by the least gap', async () => {
    const ctx = store();
    const { feed, events, arrivals } = feedOf(ctx);
    for (let i = 0; i < 100_000; i++) feed.note({ comments: [`post-${i % 1200}`] });
    feed.note({ posts: ['p1'] });
    feed.note({ posts: ['p2'] });
    await until(() => events.length === 1);
    expect(events[0].changes).toEqual({ comments: 'all', posts: ['p1', 'p2'] });

    feed.note({ series: ['s1'] });
    await until(() => events.length === 2);
    // A lower bound only (timers never fire early): the second event waited out the least gap.
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(95);
    expect(events[1].changes).toEqual({ series: ['s1'] });
    expect(events[1].seq).toBeGreaterThan(events[0].seq);
    await new Promise((r) => setTimeout(r, 150));
    expect(events).toHaveLength(2);
  });

  it('keeps up to MAX_IDS ids in an area and sends more as all', async () => {
    const ctx = store();
    const { feed, events } = feedOf(ctx);
    for (let i = 0; i < MAX_IDS; i++) feed.note({ posts: [`p${i}`] });
    await until(() => events.length === 1);
    expect(events[0].changes.posts).toHaveLength(MAX_IDS);
    for (let i = 0; i <= MAX_IDS; i++) feed.note({ posts: [`q${i}`] });
    await until(() => events.length === 2);
    expect(events[1].changes.posts).toBe('all');
  });

  it('names the series whose running order a move changed, found from the post', async () => {
    const ctx = store();
    const call = createDispatch(handlers, ctx);
    const series = (await call('series.create', { title: 'Care at home', topic: 'care' })) as { ok: true; value: { id: string } };
    const added = (await call('series.addPost', { seriesId: series.value.id, title: 'First' })) as { ok: true; value: { posts: { id: string }[] } };
    const postId = added.value.posts[0].id;
    expect(methodChanges(ctx.db, 'series.movePost', { postId, position: 1 })).toEqual({ posts: [postId], series: [series.value.id] });
    expect(methodChanges(ctx.db, 'desktop.openExternal', { url: 'https://example.org' })).toEqual({});
    expect(methodChanges(ctx.db, 'some.newMethod', {})).toEqual(EVERYTHING);
  });
});

describe('GET /events', () => {
  async function serve(): Promise<{ server: RunningServer; feed: ChangeFeed }> {
    const ctx = store();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-events-www-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const feed = new ChangeFeed(() => ctx.db, { coalesceMs: 10, minGapMs: 10, watchMs: 50 });
    const server = await startServer({ dispatch: createDispatch(handlers, ctx), rendererDir: dir, rawRoutes: [eventsRoute(feed)] });
    cleanups.push(async () => {
      feed.stop();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return { server, feed };
  }

  const get = (server: RunningServer, headers: Record<string, string>) =>
    new Promise<{ status: number; type: string; body: string; req: http.ClientRequest; res: http.IncomingMessage }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: EVENTS_PATH, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        const done = () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body, req, res });
        if (res.statusCode !== 200) res.on('end', done);
        else setTimeout(done, 50);
      });
      req.on('error', reject);
    });

  it('refuses a request without the secret, with a wrong one, or from another origin, and subscribes nobody', async () => {
    const { server, feed } = await serve();
    const tries: Record<string, string>[] = [{}, { [SECRET_HEADER]: 'wrong' }, { [SECRET_HEADER]: server.secret, origin: 'http://evil.example' }];
    for (const headers of tries) {
      const r = await get(server, headers);
      expect(r.status).toBe(403);
      expect(r.body).toContain('FORBIDDEN');
    }
    expect(feed.listening).toBe(0);
  });

  it('streams each event to our page as one data line of JSON, and unsubscribes when it goes', async () => {
    const { server, feed } = await serve();
    const r = await get(server, { [SECRET_HEADER]: server.secret, origin: `http://127.0.0.1:${server.port}` });
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/event-stream/);
    expect(feed.listening).toBe(1);
    let body = '';
    r.res.on('data', (d: string) => (body += d));
    feed.note({ posts: ['p1'] });
    await until(() => body.includes('\n\n') && body.includes('data: '));
    const line = body.split('\n').find((l) => l.startsWith('data: '))!;
    expect(JSON.parse(line.slice(6))).toEqual({ seq: 1, changes: { posts: ['p1'] } });
    r.req.destroy();
    await until(() => feed.listening === 0);
  });
});
