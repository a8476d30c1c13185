/**
 * The team server's store on a real PostgreSQL 15 started by this test: migrations, refusing a
 * newer database untouched, documents with compaction, members, and the group commit holding
 * every message until PostgreSQL committed.
 */
import pg from 'pg';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';
import { inviteMember, listMembers, memberForToken, revokeMember } from './members';
import { PG_LATEST_VERSION, PG_MIGRATIONS } from './pg-migrations';
import { PgStore } from './pg-store';
import type { StoreOp } from './store-api';
import { usePostgresSuite } from './testing/postgres-suite';

const suite = usePostgresSuite('wb-pgstore-');
let n = 0;
const freshDatabase = () => suite.postgres().createDatabase(`t${++n}`);

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const text = (parts: Uint8Array[]) => parts.map((p) => Buffer.from(p).toString());

async function tables(url: string): Promise<unknown> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const t = await c.query("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2");
    const v = await c.query('SELECT version, name FROM schema_version ORDER BY version');
    return { columns: t.rows, versions: v.rows };
  } finally {
    await c.end();
  }
}

describe('PostgreSQL store', { timeout: 60_000 }, () => {
  it('creates its schema by versioned migrations, reopens without change, and refuses a newer database untouched', async () => {
    const url = await freshDatabase();
    await (await PgStore.open(url, { appVersion: '9.9.9' })).close();
    const first = (await tables(url)) as { versions: Array<{ version: number }> };
    expect(first.versions.map((v) => v.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
    expect(first.versions.at(-1)?.version).toBe(PG_LATEST_VERSION);
    await (await PgStore.open(url)).close();
    expect(await tables(url)).toEqual(first);

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("INSERT INTO schema_version (version, name, written_by) VALUES (999, 'from the future', '99.0.0')");
    await c.end();
    const before = await tables(url);
    await expect(PgStore.open(url)).rejects.toThrow(/schema version 999, written by Editorial Workbench 99\.0\.0; this server understands up to version 2\. .*The database was not changed/);
    expect(await tables(url)).toEqual(before);
  });

  it('says which database it could not reach, without its password', async () => {
    const url = suite.postgres().urlFor('postgres').replace(/@127\.0\.0\.1:\d+/, '@127.0.0.1:1');
    const err = await PgStore.open(url).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/Could not connect to PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/postgres/);
    expect((err as Error).message).not.toContain(new URL(suite.postgres().url).password);
  });

  it('stores updates in order and a compaction in its place, merged with what another instance stored', async () => {
    const url = await freshDatabase();
    const a = await PgStore.open(url);
    const b = await PgStore.open(url);
    try {
      await a.write([{ name: 'post/a', update: bytes('old') }, { name: 'post/b', update: bytes('b1') }]);
      expect(text(await a.load('post/a'))).toEqual(['old']);
      // Two instances edit one document; each compaction keeps the other's stored work.
      const docA = new Y.Doc();
      docA.getMap('m').set('a', 1);
      const docB = new Y.Doc();
      docB.getMap('m').set('b', 2);
      await b.write([{ name: 'post/c', state: Y.encodeStateAsUpdate(docB) }]);
      await a.write([{ name: 'post/c', state: Y.encodeStateAsUpdate(docA) }]);
      const merged = new Y.Doc();
      for (const p of await a.load('post/c')) Y.applyUpdate(merged, p);
      expect(merged.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
      expect(await a.documentNames()).toEqual(['post/a', 'post/b', 'post/c']);
      expect(await b.documentCount()).toBe(3);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('folds the updates an instance left behind into a compaction by another, and drops exactly those', async () => {
    const url = await freshDatabase();
    const dead = await PgStore.open(url);
    const live = await PgStore.open(url);
    const change = (key: string, value: number) => {
      const d = new Y.Doc();
      d.getMap('m').set(key, value);
      return Y.encodeStateAsUpdate(d);
    };
    try {
      await dead.write([{ name: 'post/d', update: change('dead1', 1) }, { name: 'post/d', update: change('dead2', 2) }]);
      await dead.close(); // it never compacts them
      await live.write([{ name: 'post/d', update: change('live', 3) }, { name: 'post/d', state: change('compacted', 4) }]);
      const parts = await live.load('post/d');
      expect(parts).toHaveLength(1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, parts[0]);
      expect(doc.getMap('m').toJSON()).toEqual({ dead1: 1, dead2: 2, live: 3, compacted: 4 });
    } finally {
      await live.close();
    }
  });

  it('keeps members with token hashes only, finds them by token, and revokes', async () => {
    const url = await freshDatabase();
    const store = await PgStore.open(url);
    try {
      const { token } = await inviteMember(store, { name: 'Ann Smith', role: 'editor', email: 'ann@example.org' });
      await expect(inviteMember(store, { name: 'Ann Again', role: 'reviewer', email: 'ANN@example.org' })).rejects.toThrow(/already Ann Smith's address/);
      expect((await memberForToken(store, token))?.name).toBe('Ann Smith');
      const mark = await store.revocationMark();
      await revokeMember(store, 'Ann Smith');
      expect(await store.revocationMark()).not.toBe(mark);
      expect(await memberForToken(store, token)).toBeNull();
      expect((await listMembers(store)).map((m) => [m.name, m.revokedAt !== null])).toEqual([['Ann Smith', true]]);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const dump = JSON.stringify((await c.query('SELECT * FROM members')).rows);
      await c.end();
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(token.slice(4, 30));
    } finally {
      await store.close();
    }
  });

  it("acknowledges an update while a compaction of its document waits for another instance's lock, and the compaction then keeps it", async () => {
    const url = await freshDatabase();
    const store = await PgStore.open(url);
    // Another instance compacting post/a: it holds the document's advisory lock in an open transaction.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('BEGIN');
    await other.query("SELECT pg_advisory_xact_lock(hashtext('post/a'))");
    const change = (key: string) => {
      const d = new Y.Doc();
      d.getMap('m').set(key, key);
      return Y.encodeStateAsUpdate(d);
    };
    const commit = new GroupCommit(store);
    let acknowledged!: () => void;
    const ackSent = new Promise<void>((resolve) => (acknowledged = resolve));
    const ws = { OPEN: 1, readyState: 1, send: (d: Uint8Array) => Buffer.from(d).toString() === 'ack' && acknowledged() } as unknown as WebSocket;
    commit.guard(ws);
    try {
      let compactionDone = false;
      const compacted = commit.compact('post/a', change('state')).then(() => (compactionDone = true));
      commit.append('post/a', change('update'));
      ws.send(bytes('ack'));
      // Held in one transaction with the compaction, the acknowledgement would wait as long as the lock is held.
      await ackSent;
      expect(compactionDone).toBe(false);
      const rows = await other.query<{ n: number }>("SELECT count(*)::int AS n FROM document_updates WHERE name = 'post/a'");
      expect(rows.rows[0].n).toBe(1);
      await other.query('COMMIT');
      await compacted;
      expect(store.lockWaitSeconds).toBeGreaterThan(0);
      const parts = await store.load('post/a');
      expect(parts).toHaveLength(1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, parts[0]);
      expect(doc.getMap('m').toJSON()).toEqual({ state: 'state', update: 'update' });
    } finally {
      await other.end();
      await store.close();
    }
  });

  it('holds every message until PostgreSQL committed the updates noted before it', async () => {
    const url = await freshDatabase();
    const store = await PgStore.open(url);
    const committed: string[] = [];
    const write = store.write.bind(store);
    store.write = async (ops: ReadonlyArray<StoreOp>) => {
      await write(ops);
      for (const op of ops) if ('update' in op) committed.push(Buffer.from(op.update).toString());
    };
    const commit = new GroupCommit(store);
    const sent: Array<{ data: string; committed: string[] }> = [];
    const ws = { OPEN: 1, readyState: 1, send: (d: Uint8Array) => sent.push({ data: Buffer.from(d).toString(), committed: [...committed] }) } as unknown as WebSocket;
    commit.guard(ws);
    try {
      ws.send(bytes('before'));
      commit.append('post/a', bytes('u1'));
      ws.send(bytes('ack 1'));
      await new Promise((r) => setImmediate(r));
      // The transaction is in flight: a message sent now waits too, and so does a later update's.
      ws.send(bytes('during'));
      commit.append('post/a', bytes('u2'));
      ws.send(bytes('ack 2'));
      expect(sent.map((m) => m.data)).toEqual(['before']);
      await commit.flush();
      await commit.flush();
      expect(sent).toEqual([
        { data: 'before', committed: [] },
        { data: 'ack 1', committed: ['u1'] },
        { data: 'during', committed: ['u1', 'u2'] },
        { data: 'ack 2', committed: ['u1', 'u2'] },
      ]);
      expect(text(await store.load('post/a'))).toEqual(['u1', 'u2']);
    } finally {
      await store.close();
    }
  });
});
