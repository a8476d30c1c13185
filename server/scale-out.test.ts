/**
 * Two team server instances on one store (one SQLite data folder, or one PostgreSQL database),
 * sharing documents through a Redis of the test's own:
 * members on different instances see each other's changes live; and with members spread over
 * both instances behind a load balancer, one instance is SIGKILLed mid-run, its members
 * reconnect to the other, everything converges, and nothing acknowledged is lost.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { invite, invitePg, until } from './testing/team-process';
import { useTeamFixture } from './testing/team-fixture';
import { startPostgres, type PostgresProcess } from './testing/postgres-process';
import { startRedis, type RedisProcess } from './testing/redis-process';
import { startTcpBalancer } from './testing/tcp-balancer';

const { cleanup, tempDir, server: instance, client } = useTeamFixture('wb-scale-');

// One PostgreSQL for the file, started by the first PostgreSQL case; a database per case.
let postgres: Promise<PostgresProcess> | undefined;
let databases = 0;
afterAll(async () => {
  await (await postgres)?.stop();
}, 60_000);

type Kind = 'sqlite' | 'postgres';
/** A fresh shared store: what `startServerProcess` takes (a folder or a postgres:// URL), and how to invite into it. */
async function sharedStore(kind: Kind): Promise<{ data: string; invite(name: string, role: string): Promise<string> }> {
  if (kind === 'sqlite') {
    const data = tempDir();
    return { data, invite: async (name, role) => invite(data, name, role) };
  }
  postgres ??= startPostgres();
  const data = await (await postgres).createDatabase(`scale_${++databases}`);
  return { data, invite: (name, role) => invitePg(data, name, role) };
}

async function redis(): Promise<RedisProcess> {
  const r = await startRedis();
  cleanup(() => r.stop());
  return r;
}

const DOC = (i: number) => `series/0190a0b2-7c1d-7000-8000-00000000010${i}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(['sqlite', 'postgres'] as const)('two instances through Redis on %s', { timeout: 180_000 }, (kind) => {
  it('shows a change made on one instance to a member on the other, live', async () => {
    const { data, invite } = await sharedStore(kind);
    const r = await redis();
    const [ann, ed] = [await invite('Ann Admin', 'admin'), await invite('Sam Series', 'series-manager')];
    const one = await instance(data, ['--redis', r.url]);
    const two = await instance(data, ['--redis', r.url]);
    const a = client(one.url, DOC(0), ann);
    const e = client(two.url, DOC(0), ed);
    await Promise.all([a.synced, e.synced]);
    a.doc.getMap('fields').set('title', 'From instance one');
    await until('the change to reach the member on instance two', () => e.doc.getMap('fields').get('title') === 'From instance one');
    e.doc.getMap('fields').set('standfirst', 'From instance two');
    await until('the change to reach the member on instance one', () => a.doc.getMap('fields').get('standfirst') === 'From instance two');
    // Without Redis the second instance's members would not see it until they reloaded: check the opposite too.
    const lone = await instance(data);
    const l = client(lone.url, DOC(0), ed);
    await l.synced;
    a.doc.getMap('fields').set('title', 'Changed again');
    await until('instance two to have it', () => e.doc.getMap('fields').get('title') === 'Changed again');
    await sleep(500);
    expect(l.doc.getMap('fields').get('title')).toBe('From instance one');
    expect(one.output() + two.output()).not.toContain(ann);
  });

  it('survives a SIGKILL of one instance mid-run: its members move to the other, all converge, nothing acknowledged is lost', async () => {
    const { data, invite } = await sharedStore(kind);
    const r = await redis();
    const token = await invite('Ann Admin', 'admin');
    const one = await instance(data, ['--redis', r.url]);
    const two = await instance(data, ['--redis', r.url]);
    const balancer = await startTcpBalancer([one.port, two.port]);
    cleanup(() => balancer.close());
    const url = `ws://127.0.0.1:${balancer.port}`;

    // Six members on three documents; the balancer alternates, so each document has a member on each instance.
    const members = Array.from({ length: 6 }, (_, i) => ({ name: `m${i}`, doc: DOC(Math.floor(i / 2)), c: client(url, DOC(Math.floor(i / 2)), token), written: 0, acked: 0, ackedAtKill: 0 }));
    await Promise.all(members.map((m) => m.c.synced));
    expect(balancer.routed).toEqual([0, 1, 0, 1, 0, 1]);

    let killed = false;
    const stopAt = Date.now() + 4_000;
    const write = async (m: (typeof members)[number]) => {
      const map = m.c.doc.getMap<number>('marks');
      while (Date.now() < stopAt) {
        for (let i = 0; i < 3; i++, m.written++) map.set(`${m.name}-${m.written}`, m.written);
        const goal = m.written;
        await until(`${m.name}'s burst to be acknowledged`, () => m.c.provider.unsyncedChanges === 0, 20_000);
        m.acked = goal;
        await sleep(15);
      }
    };
    const writing = Promise.all(members.map(write));
    await sleep(1_500);
    for (const m of members) m.ackedAtKill = m.acked;
    one.child.kill('SIGKILL');
    killed = true;
    await one.exited;
    await writing;
    expect(killed).toBe(true);

    // The members of the dead instance came back through the balancer, to the live one.
    const after = balancer.routed.slice(6);
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(new Set(after)).toEqual(new Set([1]));
    for (const m of members) expect(m.written, m.name).toBeGreaterThan(m.ackedAtKill);

    // Everyone holds everything written to their document.
    for (let d = 0; d < 3; d++) {
      const pair = members.filter((m) => m.doc === DOC(d));
      const expected = pair.flatMap((m) => Array.from({ length: m.written }, (_, i) => `${m.name}-${i}`)).sort();
      for (const m of pair) await until(`${m.name} to hold every write to its document`, () => m.c.doc.getMap('marks').size === expected.length, 20_000);
      for (const m of pair) expect([...m.c.doc.getMap('marks').keys()].sort(), m.name).toEqual(expected);
    }
    for (const m of members) m.c.destroy();

    // And the store has it: drain the survivor and read every document from a fresh instance.
    two.child.kill('SIGTERM');
    expect(await two.exited).toEqual({ code: 0, signal: null });
    const fresh = await instance(data);
    for (let d = 0; d < 3; d++) {
      const reader = client(fresh.url, DOC(d), token);
      await reader.synced;
      const marks = reader.doc.getMap('marks');
      for (const m of members.filter((x) => x.doc === DOC(d))) {
        for (let i = 0; i < m.ackedAtKill; i++) expect(marks.has(`${m.name}-${i}`), `${m.name}-${i}, acknowledged before the kill`).toBe(true);
        for (let i = 0; i < m.written; i++) expect(marks.has(`${m.name}-${i}`), `${m.name}-${i}`).toBe(true);
      }
    }
  });
});
