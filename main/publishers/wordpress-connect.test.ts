import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../db/repos/cms';
import { connectSite, disconnectSite, publisherFor, siteStatuses } from './connections';
import { RemoteError } from './remote-http';
import { useWordPress } from './testing';

const f = useWordPress('wb-wpconnect-');
const fast = { retries: 0, timeoutMs: 10_000 };

async function failure(p: Promise<unknown>): Promise<RemoteError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RemoteError) return e;
    throw e;
  }
  throw new Error('connect succeeded');
}

function serve(server: http.Server | https.Server): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    resolve({ url: `${server instanceof https.Server ? 'https' : 'http'}://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
  }));
}

describe('connecting a real WordPress', () => {
  it('checks the login at once, remembers the site, and keeps the password sealed outside the database', async () => {
    const site = await connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'admin', password: f.wp.admin.appPassword }, fast);
    expect(site).toMatchObject({ url: f.wp.url, userName: 'admin', canPublish: true, canModerate: true, hasPassword: true, siteName: 'Workbench test site' });
    // Without pretty permalinks the API root is announced as ?rest_route=.
    expect(site.apiRoot).toBe(`${f.wp.url}/index.php?rest_route=/`);
    f.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = fs.readFileSync(f.ctx.dbPath);
    expect(dbBytes.includes(Buffer.from(f.wp.admin.appPassword))).toBe(false);
    const creds = fs.readFileSync(path.join(f.dir, 'secrets', 'credentials.json'), 'utf8');
    expect(creds).not.toContain(f.wp.admin.appPassword);
    expect(fs.statSync(path.join(f.dir, 'secrets', 'credentials.json')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(f.dir, 'secrets', 'wordpress.key')).mode & 0o777).toBe(0o600);
    // The stored password works for the next call; the log holds the exchange but no credentials.
    const me = await publisherFor(f.ctx.db, f.store, site, fast).connect();
    expect(me.userName).toBe('admin');
    const log = readLog(f.ctx.db, site.id, 100);
    expect(log.some((l) => l.url.includes('users%2Fme') || l.url.includes('users/me'))).toBe(true);
    const base64 = Buffer.from(`admin:${f.wp.admin.appPassword}`).toString('base64');
    expect(JSON.stringify(log)).not.toContain(f.wp.admin.appPassword);
    expect(JSON.stringify(log)).not.toContain(base64);
  });

  it('takes the password with the spaces WordPress shows, keeps several sites and users apart, and forgets the password on disconnect', async () => {
    const spaced = f.wp.editor.appPassword.replace(/(.{4})(?=.)/g, '$1 ');
    const editor = await connectSite(f.ctx.db, f.store, { url: `${f.wp.url}/`, user: 'editor', password: spaced }, fast);
    const admin = await connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'admin', password: f.wp.admin.appPassword }, fast);
    expect(editor.canPublish && editor.canModerate).toBe(true);
    expect(siteStatuses(f.ctx.db, f.store).map((s) => s.userName).sort()).toEqual(['admin', 'editor']);
    // Connecting again refreshes the same row.
    const again = await connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'editor', password: f.wp.editor.appPassword }, fast);
    expect(again.id).toBe(editor.id);
    disconnectSite(f.ctx.db, f.store, editor.id);
    const statuses = siteStatuses(f.ctx.db, f.store);
    expect(statuses.find((s) => s.id === editor.id)?.hasPassword).toBe(false);
    expect(statuses.find((s) => s.id === admin.id)?.hasPassword).toBe(true);
    expect(() => publisherFor(f.ctx.db, f.store, statuses.find((s) => s.id === editor.id)!)).toThrow(/No application password is stored/);
  });

  it('says a wrong password is wrong (401), and stores nothing', async () => {
    const e = await failure(connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'admin', password: 'abcd efgh ijkl mnop qrst uvwx' }, fast));
    expect(e.kind).toBe('unauthorized');
    expect(e.message).toMatch(/refused the user name or application password \(401\).*application password/s);
    expect(siteStatuses(f.ctx.db, f.store)).toEqual([]);
  });

  it('refuses a user who can neither publish nor moderate', async () => {
    const e = await failure(connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'subscriber', password: f.wp.subscriber.appPassword }, fast));
    expect(e.kind).toBe('forbidden');
    expect(e.message).toMatch(/"subscriber" \(subscriber\).*can neither publish posts nor moderate comments.*Editor or Administrator/);
  });

  it('says when the REST API is switched off', async () => {
    f.wp.setSwitch('rest-off', '1');
    try {
      const e = await failure(connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'admin', password: f.wp.admin.appPassword }, fast));
      expect(e.kind).toBe('rest-disabled');
      expect(e.message).toMatch(/looks like WordPress, but its REST API is switched off/);
    } finally {
      f.wp.setSwitch('rest-off', null);
    }
  });

  it('says when the answer takes too long', async () => {
    f.wp.setSwitch('slow', '3');
    try {
      const e = await failure(connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'admin', password: f.wp.admin.appPassword }, { retries: 0, timeoutMs: 1000 }));
      expect(e.kind).toBe('timeout');
      expect(e.message).toMatch(/did not answer within 1 s/);
    } finally {
      f.wp.setSwitch('slow', null);
    }
  });

  it('says when the address is not WordPress, cannot be reached, or has a bad certificate', async () => {
    const plain = await serve(http.createServer((_q, r) => { r.setHeader('content-type', 'text/html'); r.end('<!doctype html><title>Shop</title><p>Hello'); }));
    try {
      const e = await failure(connectSite(f.ctx.db, f.store, { url: plain.url, user: 'admin', password: 'x' }, fast));
      expect(e.kind).toBe('not-cms');
      expect(e.message).toMatch(/does not look like a WordPress site/);
    } finally {
      await plain.close();
    }
    const closed = await serve(http.createServer());
    await closed.close();
    const gone = await failure(connectSite(f.ctx.db, f.store, { url: closed.url, user: 'admin', password: 'x' }, fast));
    expect(gone.kind).toBe('unreachable');
    expect(gone.message).toMatch(/cannot be reached \(ECONNREFUSED\)/);

    const key = path.join(f.dir, 'k.pem');
    const cert = path.join(f.dir, 'c.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1']);
    expect(made.status).toBe(0);
    const tls = await serve(https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (_q, r) => r.end('hi')));
    try {
      const e = await failure(connectSite(f.ctx.db, f.store, { url: tls.url, user: 'admin', password: 'x' }, fast));
      expect(e.kind).toBe('tls');
      expect(e.message).toMatch(/secure connection to 127\.0\.0\.1:\d+ failed \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    } finally {
      await tls.close();
    }
  });
});

describe('facts about WordPress on this machine', () => {
  const auth = () => ({ authorization: `Basic ${Buffer.from(`admin:${f.wp.admin.appPassword}`).toString('base64')}` });

  it('serves the REST routes as ?rest_route= without pretty permalinks; /wp-json/ is not the API there', async () => {
    const r = await fetch(`${f.wp.url}/?rest_route=/wp/v2/users/me&context=edit`, { headers: auth() });
    expect(r.status).toBe(200);
    expect((await r.json()).username).toBe('admin');
    const pretty = await fetch(`${f.wp.url}/wp-json/wp/v2/users/me`, { headers: auth() });
    expect(pretty.headers.get('content-type')).not.toContain('json');
  });

  it('takes application passwords over plain http only when WP_ENVIRONMENT_TYPE is local', async () => {
    f.wp.setSwitch('production', '1');
    try {
      const r = await fetch(`${f.wp.url}/?rest_route=/wp/v2/users/me`, { headers: auth() });
      expect(r.status).toBe(401);
    } finally {
      f.wp.setSwitch('production', null);
    }
    expect((await fetch(`${f.wp.url}/?rest_route=/wp/v2/users/me`, { headers: auth() })).status).toBe(200);
  });

  it("picks Debian's /etc/wordpress/config-<host>.php by the request's host name", async () => {
    const get = (host: string) => new Promise<{ status: number; body: string; location?: string }>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: f.wp.port, path: '/?rest_route=/', headers: { host } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, location: res.headers.location }));
      }).on('error', reject);
    });
    f.wp.setSwitch('by-host', '1');
    try {
      // This instance's config was found: WordPress answers with its API index.
      const mine = await get(f.wp.configName);
      expect(mine.status).toBe(200);
      expect(JSON.parse(mine.body).name).toBe('Workbench test site');
      const other = await get(`nobody-${f.wp.configName}`);
      expect(other.status).toBe(404);
      expect(other.body).toContain(`/etc/wordpress/config-nobody-${f.wp.configName}.php`);
    } finally {
      f.wp.setSwitch('by-host', null);
    }
  });
});
