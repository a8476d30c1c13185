/**
 * Two windows on one workbench: two clients of one browser-mode server, each holding what it
 * loaded. Whatever order their saves arrive in, the later one based on an old revision is refused
 * with CONFLICT and the stored data is the earlier one's: nothing is overwritten silently.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../common/ids';
import { startBrowserMode, type BrowserMode } from '../browser-mode';
import { SECRET_HEADER, SECRET_META } from '../../common/transport';

let dir: string;
let app: BrowserMode;
let secret: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-two-windows-'));
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  app = await startBrowserMode({ dbPath: path.join(dir, 'workbench.sqlite'), rendererDir: renderer });
  // The secret the served page carries, read the way the page reads it.
  const html = await (await fetch(app.url)).text();
  secret = new RegExp(`<meta name="${SECRET_META}" content="([^"]+)">`).exec(html)![1];
});

async function callApi(method: string, input: unknown): Promise<any> {
  const res = await fetch(new URL(`api/${method}`, app.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
    body: JSON.stringify(input),
  });
  return res.json();
}

afterAll(async () => {
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One window: its own calls to the shared server. */
const windowA = (method: string, input: unknown) => callApi(method, input);
const windowB = (method: string, input: unknown) => callApi(method, input);

async function newPost(title: string) {
  const r = await windowA('posts.create', { title });
  expect(r.ok).toBe(true);
  return r.value as { id: string; revision: number };
}

function insertComment(postId: string, text: string): string {
  const id = uuidv7();
  const now = new Date().toISOString();
  app.ctx.db
    .prepare(`INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, author_name, body_html, body_text, status) VALUES (?, ?, ?, ?, 'test', ?, 'Reader', ?, ?, 'pending')`)
    .run(id, now, now, postId, id, `<p>${text}</p>`, text);
  return id;
}

describe('two windows editing one draft', () => {
  it('refuses the second save based on the same revision, keeping the first', async () => {
    const post = await newPost('Original');
    const a = await windowA('posts.update', { id: post.id, baseRevision: post.revision, title: 'Window A' });
    expect(a.ok).toBe(true);
    const b = await windowB('posts.update', { id: post.id, baseRevision: post.revision, title: 'Window B' });
    expect(b.ok).toBe(false);
    expect(b.error.code).toBe('CONFLICT');
    expect(b.error.details).toMatchObject({ currentRevision: a.value.revision });
    const stored = await windowB('posts.get', { id: post.id });
    expect(stored.value.title).toBe('Window A');
    // Window B reloads, then its save goes through on top of A's.
    const again = await windowB('posts.update', { id: post.id, baseRevision: stored.value.revision, title: 'Window B, after reloading' });
    expect(again.ok).toBe(true);
    expect(again.value.revision).toBe(a.value.revision + 1);
  });

  it('lets exactly one of two simultaneous saves win', async () => {
    const post = await newPost('Race');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? windowA : windowB)('posts.update', { id: post.id, baseRevision: post.revision, title: `Writer ${i}` })),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => r.error.code === 'CONFLICT')).toBe(true);
    const stored = await windowA('posts.get', { id: post.id });
    expect(stored.value.title).toBe(winners[0].value.title);
    expect(stored.value.revision).toBe(post.revision + 1);
  });
});

describe('two windows moderating one comment', () => {
  it('refuses the second moderation based on the same revision, keeping the first', async () => {
    const post = await newPost('Moderated');
    const id = insertComment(post.id, 'A comment both windows see');
    const seen = (await windowA('comments.list', { filter: { postId: post.id } })).value.items[0];
    expect(seen.id).toBe(id);
    const a = await windowA('comments.setStatus', { items: [{ id, revision: seen.revision }], status: 'approved' });
    expect(a.ok).toBe(true);
    const b = await windowB('comments.setStatus', { items: [{ id, revision: seen.revision }], status: 'spam' });
    expect(b.ok).toBe(false);
    expect(b.error.code).toBe('CONFLICT');
    const now = (await windowB('comments.list', { filter: { postId: post.id } })).value.items[0];
    expect(now.status).toBe('approved');
  });

  it('refuses a whole batch when one comment in it is stale, changing none', async () => {
    const post = await newPost('Batch');
    const ids = [insertComment(post.id, 'one'), insertComment(post.id, 'two'), insertComment(post.id, 'three')];
    const seen = (await windowA('comments.list', { filter: { postId: post.id } })).value.items as { id: string; revision: number }[];
    const rev = (id: string) => seen.find((c) => c.id === id)!.revision;
    expect((await windowA('comments.setStatus', { items: [{ id: ids[1], revision: rev(ids[1]) }], status: 'approved' })).ok).toBe(true);
    const b = await windowB('comments.setStatus', { items: ids.map((id) => ({ id, revision: rev(id) })), status: 'trash' });
    expect(b.error.code).toBe('CONFLICT');
    const after = (await windowB('comments.list', { filter: { postId: post.id } })).value.items as { id: string; status: string }[];
    expect(Object.fromEntries(after.map((c) => [c.id, c.status]))).toEqual({ [ids[0]]: 'pending', [ids[1]]: 'approved', [ids[2]]: 'pending' });
  });

  it('does not let one window undo over the other window’s later decision', async () => {
    const post = await newPost('Undo');
    const id = insertComment(post.id, 'undo me');
    const seen = (await windowA('comments.list', { filter: { postId: post.id } })).value.items[0];
    const a = await windowA('comments.setStatus', { items: [{ id, revision: seen.revision }], status: 'spam' });
    const change = a.value.changed[0];
    const b = await windowB('comments.setStatus', { items: [{ id, revision: change.revision }], status: 'approved' });
    expect(b.ok).toBe(true);
    const undo = await windowA('comments.restoreStatuses', { items: [{ id, revision: change.revision, status: change.previousStatus }] });
    expect(undo.ok ? 'applied' : undo.error.code).toBe('CONFLICT');
    expect((await windowA('comments.list', { filter: { postId: post.id } })).value.items[0].status).toBe('approved');
  });

  it('refuses an annotation edit based on an old revision', async () => {
    const post = await newPost('Annotations');
    const id = insertComment(post.id, 'quote-worthy words');
    const created = await windowA('annotations.create', { commentId: id, start: 0, end: 12, quote: 'quote-worthy', note: 'first' });
    expect(created.ok).toBe(true);
    const base = created.value.revision;
    expect((await windowA('annotations.update', { id: created.value.id, baseRevision: base, note: 'from A' })).ok).toBe(true);
    const b = await windowB('annotations.update', { id: created.value.id, baseRevision: base, note: 'from B' });
    expect(b.error.code).toBe('CONFLICT');
    const list = await windowB('annotations.list', { commentId: id });
    expect(list.value.items.map((a: { note: string }) => a.note)).toEqual(['from A']);
  });

  it('refuses a reply draft saved over another window’s', async () => {
    const post = await newPost('Replies');
    const id = insertComment(post.id, 'reply to me');
    const body = JSON.stringify({ root: { type: 'root', children: [] } });
    const a = await windowA('replies.save', { commentId: id, baseRevision: 0, body, text: 'From A', status: 'draft' });
    expect(a.ok).toBe(true);
    const b = await windowB('replies.save', { commentId: id, baseRevision: 0, body, text: 'From B', status: 'draft' });
    expect(b.error.code).toBe('CONFLICT');
    expect((await windowB('replies.get', { commentId: id })).value.text).toBe('From A');
  });
});
