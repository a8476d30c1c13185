/**
 * Operating the team server, as a real process: /metrics (token-guarded, parsed here as
 * Prometheus text), /ready following Redis and PostgreSQL, JSON logs without tokens or content, idle documents
 * unloaded and loaded again, and the drain on SIGTERM.
 */
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { invite, invitePg, until, type ServerProcess } from './testing/team-process';
import { useTeamFixture } from './testing/team-fixture';
import { startPostgres } from './testing/postgres-process';
import { startRedis } from './testing/redis-process';
import { parsePrometheusText, type Sample } from './testing/prometheus-text';

const { cleanup, tempDir, server, client } = useTeamFixture('wb-ops-');

const SERIES = 'series/0190a0b2-7c1d-7000-8000-000000000201';
const METRICS_TOKEN = 'metrics-9f8e7d6c5b4a';

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

/** The lines after "listening on …", each one JSON object. */
function logLines(s: ServerProcess): Array<Record<string, unknown>> {
  return s
    .output()
    .split('\n')
    .filter((l) => l && !l.startsWith('listening on '))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('operations', { timeout: 180_000 }, () => {
  it('serves /metrics as Prometheus text to the metrics token only, logs JSON without tokens or content, and unloads idle documents', async () => {
    const data = tempDir();
    const admin = invite(data, 'Ann Admin', 'admin');
    const reviewer = invite(data, 'Rae Viewer', 'reviewer');
    const s = await server(data, ['--idle-unload-seconds', '1'], 0, { ...process.env, WORKBENCH_METRICS_TOKEN: METRICS_TOKEN });
    const base = `http://127.0.0.1:${s.port}`;
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);

    const writer = client(s.url, SERIES, admin);
    await writer.synced;
    for (let i = 0; i < 5; i++) writer.doc.getMap('fields').set(`title${i}`, `Confidential working title ${i}`);
    await until('the writes to be acknowledged', () => writer.provider.unsyncedChanges === 0);
    // A reviewer may not write a series: the server refuses it; and an unknown token is refused.
    const reader = client(s.url, SERIES, reviewer);
    expect(await reader.authenticated).toBe('readonly');
    await reader.synced;
    reader.doc.getMap('fields').set('title0', 'Reviewer edit');
    const stranger = client(s.url, SERIES, 'wbt_not-a-real-token-0123456789');
    await expect(stranger.authenticated).rejects.toThrow(/invalid-token/);
    stranger.destroy();
    const connections = async () => ((await (await fetch(`${base}/health`)).json()) as { connections: number }).connections;
    for (const end = Date.now() + 5_000; (await connections()) !== 2 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
    await until('the refused write to be counted', () => reader.provider.unsyncedChanges > 0);

    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parsePrometheusText(await res.text());
    expect(value(samples, 'workbench_team_connections')).toBe(2);
    expect(value(samples, 'workbench_team_documents_loaded')).toBe(1);
    expect(value(samples, 'workbench_team_updates_total', { origin: 'member' })).toBeGreaterThanOrEqual(5);
    expect(value(samples, 'workbench_team_updates_total', { origin: 'peer' })).toBe(0);
    expect(value(samples, 'workbench_team_persist_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'workbench_team_stored_updates_total')).toBeGreaterThanOrEqual(5);
    expect(value(samples, 'workbench_team_refused_total', { reason: 'read-only' })).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'workbench_team_refused_total', { reason: 'invalid-token' })).toBe(1);
    expect(value(samples, 'workbench_team_process_resident_memory_bytes')).toBeGreaterThan(10_000_000);

    // Idle: once nobody has the document open it leaves memory, and comes back whole on demand.
    writer.destroy();
    reader.destroy();
    await until('the idle document to be unloaded', () => logLines(s).some((l) => l.event === 'document.unload' && l.document === SERIES), 15_000);
    const health = (await (await fetch(`${base}/health`)).json()) as { loadedDocuments: number };
    expect(health.loadedDocuments).toBe(0);
    const again = client(s.url, SERIES, admin);
    await again.synced;
    expect(again.doc.getMap('fields').toJSON()).toEqual(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`title${i}`, `Confidential working title ${i}`])));

    const lines = logLines(s);
    expect(lines.map((l) => l.event)).toEqual(expect.arrayContaining(['server.listening', 'member.connected', 'auth.refused', 'document.load', 'document.unload']));
    for (const l of lines) expect(l).toMatchObject({ time: expect.any(String), level: expect.stringMatching(/^(info|warn|error)$/), event: expect.any(String) });
    const out = s.output();
    for (const secret of [admin, reviewer, 'wbt_not-a-real-token', METRICS_TOKEN, 'Confidential working title']) expect(out).not.toContain(secret);
  });

  it('says /metrics is off without a token', async () => {
    const data = tempDir();
    const s = await server(data);
    const res = await fetch(`http://127.0.0.1:${s.port}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/--metrics-token/);
  });

  it('answers /ready with 503 while Redis is away', async () => {
    const data = tempDir();
    const redis = await startRedis();
    cleanup(() => redis.stop());
    const s = await server(data, ['--redis', redis.url]);
    const ready = async () => {
      const r = await fetch(`http://127.0.0.1:${s.port}/ready`);
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    let state = await ready();
    for (const end = Date.now() + 10_000; state.status !== 200 && Date.now() < end; state = await ready()) await new Promise((r) => setTimeout(r, 100));
    expect(state).toEqual({ status: 200, body: { ready: true, draining: false, storage: 'ok', redis: 'ok' } });
    await redis.stop();
    for (const end = Date.now() + 10_000; state.status === 200 && Date.now() < end; state = await ready()) await new Promise((r) => setTimeout(r, 100));
    expect(state).toEqual({ status: 503, body: { ready: false, draining: false, storage: 'ok', redis: 'unreachable' } });
    // /health stays live: the process is fine, only not ready.
    expect((await fetch(`http://127.0.0.1:${s.port}/health`)).status).toBe(200);
    expect(s.output()).not.toContain(new URL(redis.url).password);
    expect(logLines(s).some((l) => l.event === 'redis.error')).toBe(true);
  });

  it('answers /ready with 503 while PostgreSQL is away, without waiting for it', async () => {
    const pg = await startPostgres();
    cleanup(() => pg.stop());
    const s = await server(pg.url);
    const ready = async () => {
      const r = await fetch(`http://127.0.0.1:${s.port}/ready`);
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    expect(await ready()).toEqual({ status: 200, body: { ready: true, draining: false, storage: 'ok', redis: 'off' } });
    await pg.stop();
    const state = await ready();
    expect(state.status).toBe(503);
    expect(state.body).toMatchObject({ ready: false, draining: false, redis: 'off' });
    expect(state.body.storage).toEqual(expect.any(String));
    expect(state.body.storage).not.toBe('ok');
    expect(s.output()).not.toContain(new URL(pg.url).password);
  });

  /** A WebSocket handshake that then reads nothing: the server's close goes unanswered, so its drain waits out its grace. */
  async function silentMember(port: number): Promise<net.Socket> {
    const socket = net.connect(port, '127.0.0.1');
    cleanup(() => socket.destroy());
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    const head = await new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString())));
    expect(head).toMatch(/^HTTP\/1\.1 101 /);
    socket.pause();
    return socket;
  }

  it('answers a newcomer during the SIGTERM drain with 503 and the reason, and /ready says it is draining', async () => {
    const data = tempDir();
    const admin = invite(data, 'Ann Admin', 'admin');
    const s = await server(data);
    const base = `http://127.0.0.1:${s.port}`;
    await silentMember(s.port);
    const c = client(s.url, SERIES, admin);
    await c.synced;
    s.child.kill('SIGTERM');
    await until('the drain to start', () => s.output().includes('"drain.start"'));
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, draining: true });
    const answer = await new Promise<{ status?: number; body: string; opened: boolean }>((resolve) => {
      const ws = new WebSocket(s.url);
      ws.once('open', () => (ws.close(), resolve({ body: '', opened: true })));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode, body, opened: false }));
      });
      ws.once('error', () => undefined);
    });
    expect(answer).toEqual({ status: 503, body: 'draining: this instance is shutting down; connect to another instance\n', opened: false });
    expect(s.output()).not.toContain('"drain.done"');
    expect(await s.exited).toEqual({ code: 0, signal: null });
    expect(logLines(s).at(-1)).toMatchObject({ event: 'drain.done', connections: 2 });
  });

  /** A fresh store of the kind: what the server takes, an admin's token, and its stored rows by table. */
  async function storeOf(kind: 'sqlite' | 'postgres'): Promise<{ data: string; admin: string; rows(table: string): Promise<number> }> {
    if (kind === 'sqlite') {
      const data = tempDir();
      const rows = async (table: string) => {
        const db = new Database(path.join(data, 'team.sqlite'), { readonly: true });
        try {
          return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
        } finally {
          db.close();
        }
      };
      return { data, admin: invite(data, 'Ann Admin', 'admin'), rows };
    }
    const postgres = await startPostgres();
    cleanup(() => postgres.stop());
    const rows = async (table: string) => {
      const db = new pg.Client({ connectionString: postgres.url });
      await db.connect();
      try {
        return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
      } finally {
        await db.end();
      }
    };
    return { data: postgres.url, admin: await invitePg(postgres.url, 'Ann Admin', 'admin'), rows };
  }

  it.each(['sqlite', 'postgres'] as const)('drains on SIGTERM (%s): stores what it holds, closes members with 1012 so they go elsewhere, exits 0', async (kind) => {
    const { data, admin, rows } = await storeOf(kind);
    const s = await server(data);
    const c = client(s.url, SERIES, admin);
    await c.synced;
    const closed = new Promise<number>((resolve) => c.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code)));
    c.doc.getMap('fields').set('title', 'Drained');
    await until('the change to be acknowledged', () => c.provider.unsyncedChanges === 0);
    s.child.kill('SIGTERM');
    expect(await closed).toBe(1012);
    expect(await s.exited).toEqual({ code: 0, signal: null });
    const events = logLines(s).map((l) => l.event);
    expect(events.at(-1)).toBe('drain.done');
    expect(events.indexOf('drain.start')).toBeGreaterThan(events.lastIndexOf('member.connected'));
    expect(logLines(s).at(-1)).toMatchObject({ connections: 1, documents: 1 });
    // Compacted on the way out: one stored state, no updates left.
    expect(await rows('documents')).toBe(1);
    expect(await rows('document_updates')).toBe(0);
  });
});
