/**
 * The team server as a real process on loopback, driven by real Hocuspocus clients: durability
 * across SIGKILL, roles enforced by the server, revocation, limits, health and shutdown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, canWrite, ROLES as ALL_ROLES, SINGLETONS, type DocumentKind } from '../common/sync/documents';
import { cli, invite, invitePg, until } from './testing/team-process';
import { useTeamFixture } from './testing/team-fixture';
import { startPostgres } from './testing/postgres-process';
import pg from 'pg';

const { cleanup, tempDir, server, client } = useTeamFixture('wb-team-');

/** Waits until the server stored a compaction of the document (its state row exists). */
async function storedCompaction(db: pg.Client, name: string): Promise<void> {
  for (const end = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 20))) {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE name = $1', [name]);
    if (rows[0].n > 0) return;
    if (Date.now() > end) throw new Error(`no compaction of ${name} was stored within 30 s`);
  }
}

const docName = (kind: DocumentKind) => (SINGLETONS.has(kind) ? kind : `${kind}/0190a0b2-7c1d-7000-8000-00000000000${DOCUMENT_KINDS.indexOf(kind)}`);

// Each test starts real server processes (and a few CLI runs): slow on a loaded two-core machine.
describe('team server', { timeout: 120_000 }, () => {
  // On the SQLite file, and on PostgreSQL (issue 18) with fsync on, as a durability test needs; and
  // on PostgreSQL compacting after every change, so that compactions (in transactions of their own,
  // apart from acknowledgements) are stored all along, up to the kill.
  it.each([
    ['sqlite', []],
    ['postgres', []],
    ['postgres, compacting after every change', ['--compact-after-seconds', '0']],
  ] as const)('keeps every acknowledged update through a SIGKILL on %s, and the writer converges after the restart', async (kind, flags) => {
    let data = tempDir();
    let token: string;
    let db: pg.Client | undefined;
    if (kind.startsWith('postgres')) {
      const postgres = await startPostgres({ fsync: true });
      cleanup(() => postgres.stop());
      data = postgres.url;
      token = await invitePg(postgres.url, 'Ann Smith', 'admin');
      db = new pg.Client({ connectionString: postgres.url });
      await db.connect();
      cleanup(() => db!.end());
    } else {
      token = invite(data, 'Ann Smith', 'admin');
    }
    const first = await server(data, [...flags]);
    const writer = client(first.url, 'comments/0190a0b2-7c1d-7000-8000-000000000001', token);
    await writer.synced;
    const map = writer.doc.getMap<number>('statuses');
    // Write in bursts, waiting for the server's acknowledgements between them; the kill lands while a
    // burst is in flight, so some writes are acknowledged and some are not.
    let written = 0;
    let acknowledged = 0;
    const killAt = Date.now() + 300 + Math.floor(Math.random() * 400);
    for (;;) {
      for (let i = 0; i < 5; i++, written++) map.set(`c${written}`, written);
      if (Date.now() >= killAt) break;
      await until('the burst to be acknowledged', () => writer.provider.unsyncedChanges === 0);
      acknowledged = written;
      if (flags.length > 0 && acknowledged === 5) await storedCompaction(db!, 'comments/0190a0b2-7c1d-7000-8000-000000000001');
    }
    first.child.kill('SIGKILL');
    await first.exited;
    expect(acknowledged).toBeGreaterThanOrEqual(5);
    expect(written).toBeGreaterThan(acknowledged);
    const ackedAtKill = acknowledged;

    // A fresh member reads the restarted server before the writer is back: the acknowledged part is there.
    writer.socket.disconnect();
    const second = await server(data, [...flags], first.port);
    const reader = client(second.url, 'comments/0190a0b2-7c1d-7000-8000-000000000001', token);
    await reader.synced;
    const stored = reader.doc.getMap<number>('statuses');
    for (let i = 0; i < ackedAtKill; i++) expect(stored.get(`c${i}`), `acknowledged change c${i}`).toBe(i);

    // The writer reconnects and sends what was cut off: both hold every write.
    void writer.socket.connect();
    await until('the writer to re-send what the kill cut off', () => stored.size === written, 15_000);
    expect(writer.provider.unsyncedChanges).toBe(0);
  });

  it('refuses, on the server, every write outside a role, and applies the ones inside it', async () => {
    const data = tempDir();
    // The staff roles; a guest author, who also needs credits, is proven in main/sync/guest-author.test.ts.
    const ROLES = ALL_ROLES.filter((r) => r !== 'guest-author');
    const tokens = Object.fromEntries(ROLES.map((r) => [r, invite(data, `${r} member`, r)]));
    const s = await server(data);
    // One WebSocket per member, as the app holds, carrying a document each.
    const sockets = Object.fromEntries(ROLES.map((r) => [r, client(s.url, 'index', tokens[r]).socket]));
    const attempts: Array<{ role: string; kind: DocumentKind; allowed: boolean; scope: string }> = [];
    for (const role of ROLES) {
      for (const kind of DOCUMENT_KINDS.filter((k) => k !== 'index')) {
        const c = client(s.url, docName(kind), tokens[role], sockets[role]);
        const scope = await c.authenticated;
        await c.synced;
        c.doc.getMap('fields').set(`by-${role}`, 'x');
        attempts.push({ role, kind, allowed: canWrite(role, kind), scope });
      }
    }
    // Read every document back as an admin through a new connection, once the allowed writes arrived.
    const readerSocket = client(s.url, 'index', tokens.admin).socket;
    const readers = Object.fromEntries(DOCUMENT_KINDS.filter((k) => k !== 'index').map((k) => [k, client(s.url, docName(k), tokens.admin, readerSocket)]));
    for (const { role, kind, allowed } of attempts.filter((a) => a.allowed)) {
      await until(`${role}'s write to ${kind}`, () => readers[kind].doc.getMap('fields').get(`by-${role}`) === 'x');
      expect(allowed).toBe(true);
    }
    await new Promise((r) => setTimeout(r, 300));
    for (const a of attempts) {
      expect(a.scope, `${a.role} on ${a.kind}`).toBe(a.allowed ? 'read-write' : 'readonly');
      if (!a.allowed) expect(readers[a.kind].doc.getMap('fields').has(`by-${a.role}`), `${a.role} wrote ${a.kind}`).toBe(false);
    }
    // 10 kinds besides the index, for 4 roles: admins write all 10, editors 6 (bodies too), series managers 5, reviewers 3 (notes: every role).
    expect(attempts.filter((a) => a.allowed)).toHaveLength(24);
    expect(attempts.filter((a) => !a.allowed)).toHaveLength(16);
  });

  it('refuses unknown tokens and documents with a reason, and cuts a revoked member off at once', async () => {
    const data = tempDir();
    const token = invite(data, 'Rae Viewer', 'reviewer');
    const s = await server(data);
    await expect(client(s.url, 'index', 'wbt_not-a-token').authenticated).rejects.toThrow(/invalid-token/);
    await expect(client(s.url, 'secrets/x', token).authenticated).rejects.toThrow(/unknown-document/);

    const live = client(s.url, 'comments/0190a0b2-7c1d-7000-8000-000000000009', token);
    await live.synced;
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      live.socket.on('close', ({ event }: { event: { code: number; reason: string } }) => resolve({ code: event.code, reason: event.reason })),
    );
    const r = cli(['revoke', 'Rae Viewer', '--data', data]);
    expect(r.status, r.stderr).toBe(0);
    const revokedAt = Date.now();
    const event = await closed;
    expect(event.code).toBe(4401);
    expect(event.reason).toMatch(/revoked/);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    await expect(client(s.url, 'index', token).authenticated).rejects.toThrow(/invalid-token/);
  });

  it('lists the workspace\'s members to any member with a valid token, and to nobody else', async () => {
    const data = tempDir();
    const reviewer = invite(data, 'Rae Viewer', 'reviewer', 'rae@example.org');
    invite(data, 'Ed Itor', 'editor');
    const gone = invite(data, 'Gus Gone', 'series-manager', 'gus@example.org');
    expect(cli(['revoke', 'Gus Gone', '--data', data]).status).toBe(0);
    const s = await server(data);
    const ask = (token?: string) => fetch(`http://127.0.0.1:${s.port}/members`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    const listed = await ask(reviewer);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    const members = (await listed.json()) as Array<Record<string, string>>;
    // Exactly what a laptop needs to map its people, revoked members marked so: no tokens, no hashes.
    expect(members).toEqual([
      { id: expect.any(String), name: 'Rae Viewer', email: 'rae@example.org', role: 'reviewer', active: true },
      { id: expect.any(String), name: 'Ed Itor', email: '', role: 'editor', active: true },
      { id: expect.any(String), name: 'Gus Gone', email: 'gus@example.org', role: 'series-manager', active: false },
    ]);
    for (const [token, why] of [[undefined, 'no token'], ['wbt_not-a-token', 'an unknown token'], [gone, 'a revoked member\'s token']] as const) {
      const refused = await ask(token);
      expect(refused.status, why).toBe(401);
      expect(await refused.json(), why).toEqual({ error: expect.stringMatching(/^invalid-token/) });
    }
    const me = (await (await fetch(`http://127.0.0.1:${s.port}/member`, { headers: { authorization: `Bearer ${reviewer}` } })).json()) as Record<string, string>;
    expect(me).toEqual({ id: members[0].id, name: 'Rae Viewer', email: 'rae@example.org', role: 'reviewer' });
  });

  it('limits connections per member and message size, with a reason', async () => {
    const data = tempDir();
    const token = invite(data, 'Ed Itor', 'editor');
    const s = await server(data, ['--max-connections-per-member', '1', '--max-message-bytes', '4096']);
    const one = client(s.url, 'authors', token);
    await one.synced;
    await expect(client(s.url, 'authors', token).authenticated).rejects.toThrow(/too-many-connections/);

    const closed = new Promise<number>((resolve) => one.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code)));
    one.doc.getText('bio').insert(0, 'x'.repeat(10_000));
    expect(await closed).toBe(1009);
  });

  it('answers /health, keeps only token hashes, and stores everything on SIGTERM', async () => {
    const data = tempDir();
    const token = invite(data, 'Ann Smith', 'admin');
    const s = await server(data);
    const c = client(s.url, 'series/0190a0b2-7c1d-7000-8000-000000000002', token);
    await c.synced;
    c.doc.getMap('fields').set('title', 'Care at home');
    await until('the change to be acknowledged', () => c.provider.unsyncedChanges === 0);
    const health = (await (await fetch(`http://127.0.0.1:${s.port}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, version: '0.1.0', documents: 1, loadedDocuments: 1, connections: 1 });

    const listed = JSON.parse(cli(['members', '--data', data, '--json']).stdout) as Array<Record<string, unknown>>;
    expect(listed).toEqual([expect.objectContaining({ name: 'Ann Smith', role: 'admin', revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);

    // An online backup while the server runs holds the acknowledged change.
    const copy = path.join(tempDir(), 'team.sqlite');
    expect(cli(['backup', '--data', data, '--out', copy]).status).toBe(0);
    const fromBackup = await server(path.dirname(copy));
    const restored = client(fromBackup.url, 'series/0190a0b2-7c1d-7000-8000-000000000002', token);
    await restored.synced;
    expect(restored.doc.getMap('fields').get('title')).toBe('Care at home');

    s.child.kill('SIGTERM');
    expect(await s.exited).toEqual({ code: 0, signal: null });
    for (const f of fs.readdirSync(data)) expect(fs.readFileSync(path.join(data, f)).includes(token), f).toBe(false);
    expect(s.output()).not.toContain(token);
    const db = new Database(path.join(data, 'team.sqlite'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM documents').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM document_updates').get()).toEqual({ n: 0 });
    db.close();
  });

  it('serves wss:// with --tls-cert and --tls-key', async () => {
    const data = tempDir();
    const key = path.join(data, 'key.pem');
    const cert = path.join(data, 'cert.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
    expect(made.status, String(made.stderr)).toBe(0);
    const token = invite(data, 'Ann Smith', 'admin');
    const s = await server(data, ['--tls-cert', cert, '--tls-key', key]);
    expect(s.url).toBe(`wss://127.0.0.1:${s.port}`);
    // Trust exactly this certificate, as a member would trust their team's.
    const ca = fs.readFileSync(cert);
    class TrustingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { ca });
      }
    }
    const c = client(s.url, 'index', token, new HocuspocusProviderWebsocket({ url: s.url, WebSocketPolyfill: TrustingWebSocket }));
    cleanup(() => c.socket.destroy());
    expect(await c.authenticated).toBe('read-write');
    await c.synced;
  });

  it('invites through the CLI, says what is wrong with bad invitations and flags, and changes nothing', () => {
    const data = tempDir();
    const invited = cli(['invite', '--data', data, '--name', 'Ann Smith', '--role', 'editor', '--json']);
    expect(invited.status, invited.stderr).toBe(0);
    const { token, member } = JSON.parse(invited.stdout) as { token: string; member: Record<string, string> };
    expect(token).toMatch(/^wbt_[\w-]{43}$/);
    expect(member).toEqual({ id: expect.any(String), name: 'Ann Smith', email: '', role: 'editor' });
    expect(cli(['invite', '--data', data, '--name', 'X', '--role', 'owner'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/Unknown role "owner"/) });
    expect(cli(['revoke', 'nobody', '--data', data])).toMatchObject({ status: 2, stderr: expect.stringMatching(/No active member/) });
    expect(cli(['--port', 'abc', '--data', data]).stderr).toMatch(/--port must be a whole number/);
    expect(JSON.parse(cli(['members', '--data', data, '--json']).stdout)).toEqual([expect.objectContaining({ name: 'Ann Smith' })]);
  });
});
