/**
 * The group commit on a real SQLite file: nothing said after an update leaves before the update is
 * stored, messages keep their order, and a compaction, stored in a transaction of its own, keeps
 * every update whichever is stored first, and what another instance on the same file stored meanwhile.
 * (That a compaction never holds an acknowledgement is shown on PostgreSQL, where it can wait: pg-store.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { GroupCommit } from './group-commit';
import { TeamStore } from './store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function store(): TeamStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-commit-'));
  dirs.push(dir);
  return new TeamStore(dir);
}

/** A socket that records what it sends, and what the file held at that moment. */
function fakeSocket(s: TeamStore) {
  const sent: Array<{ data: string; storedUpdates: number }> = [];
  const ws = {
    OPEN: 1,
    readyState: 1,
    send: (data: Uint8Array) => sent.push({ data: Buffer.from(data).toString(), storedUpdates: s.db.prepare('SELECT count(*) FROM document_updates').pluck().get() as number }),
  };
  return { ws: ws as unknown as WebSocket, sent };
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

it('holds every message until the updates noted before it are stored, in order, and sends straight through otherwise', async () => {
  const s = store();
  const commit = new GroupCommit(s);
  const { ws, sent } = fakeSocket(s);
  commit.guard(ws);
  ws.send(bytes('before'));
  commit.append('post/a', bytes('u1'));
  commit.append('post/a', bytes('u2'));
  ws.send(bytes('ack 1'));
  ws.send(bytes('ack 2'));
  expect(sent.map((m) => m.data)).toEqual(['before']);
  await new Promise((r) => setImmediate(r));
  expect(sent).toEqual([
    { data: 'before', storedUpdates: 0 },
    { data: 'ack 1', storedUpdates: 2 },
    { data: 'ack 2', storedUpdates: 2 },
  ]);
  expect(commit.stats).toEqual({ commits: 1, updates: 2, compactions: 0 });
  s.close();
});

/** A real Yjs update setting `key` in a map, made by its own client. */
function update(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, key);
  return Y.encodeStateAsUpdate(doc);
}

function keys(parts: Uint8Array[]): string[] {
  const doc = new Y.Doc();
  for (const p of parts) Y.applyUpdate(doc, p);
  return [...doc.getMap('m').keys()].sort();
}

it('stores a compaction apart from the updates, and loses no update whichever is stored first', async () => {
  const s = store();
  const commit = new GroupCommit(s);
  const old = update('old');
  commit.append('post/a', old);
  // The state given holds 'old' and 'kept' (the document in memory), not 'new', noted after it.
  const compacted = commit.compact('post/a', Y.mergeUpdates([old, update('kept')]));
  commit.append('post/a', update('new'));
  commit.flush();
  await compacted;
  expect(commit.stats).toEqual({ commits: 1, updates: 2, compactions: 1 });
  // The updates went first: the compaction folded both in and dropped them.
  expect(s.load('post/a')).toHaveLength(1);
  expect(keys(s.load('post/a'))).toEqual(['kept', 'new', 'old']);

  // An update stored after a compaction stays beside the state, as a row.
  await commit.compact('post/b', update('state'));
  expect(keys(s.load('post/b'))).toEqual(['state']);
  commit.append('post/b', update('later'));
  commit.flush();
  expect(s.load('post/b')).toHaveLength(2);
  expect(keys(s.load('post/b'))).toEqual(['later', 'state']);
  s.close();
  // After the file is closed nothing more is stored, nothing breaks, and a compaction's waiter is let go.
  commit.append('post/a', bytes('late'));
  expect(() => commit.flush()).not.toThrow();
  await commit.compact('post/a', bytes('late state'));
});

it('keeps, in a compaction, an update another instance stored that this one has not seen yet', () => {
  // Two instances on one data folder (two files open, as two processes hold them).
  const one = store();
  const two = new TeamStore(path.dirname(one.db.name));
  const timings: number[] = [];
  const a = new GroupCommit(one, { onCommit: (seconds, updates) => timings.push(seconds, updates) });
  const b = new GroupCommit(two);
  a.append('post/a', update('from-one'));
  a.flush();
  // Instance two compacts its own state, which lacks instance one's update (Redis has not brought it yet).
  b.compact('post/a', update('from-two'));
  b.flush();
  expect(keys(one.load('post/a'))).toEqual(['from-one', 'from-two']);
  expect(two.db.prepare('SELECT count(*) FROM document_updates').pluck().get()).toBe(0);
  expect(timings).toEqual([expect.any(Number), 1]);
  two.close();
  one.close();
});
