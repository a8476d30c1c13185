/**
 * PostgreSQL goes away mid-run (stopped by its process id) and comes back: a change a member sent
 * meanwhile is neither acknowledged nor passed on while it cannot be stored; the server retries,
 * and once PostgreSQL is back the change is stored once, acknowledged, and reaches the others.
 */
import pg from 'pg';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { invitePg, until, type ServerProcess } from './testing/team-process';
import { useTeamFixture } from './testing/team-fixture';
import { startPostgres } from './testing/postgres-process';
import { parsePrometheusText } from './testing/prometheus-text';

const { cleanup, server, client } = useTeamFixture('wb-pg-outage-');

const SERIES = 'series/0190a0b2-7c1d-7000-8000-000000000301';
const METRICS_TOKEN = 'metrics-outage-5a4b3c';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function storedUpdates(s: ServerProcess): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${s.port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  return parsePrometheusText(await res.text()).find((x) => x.name === 'workbench_team_stored_updates_total')!.value;
}

/** The document as PostgreSQL holds it: its state merged with every stored update. */
async function storedDocument(url: string, name: string): Promise<{ doc: Y.Doc; updateRows: number }> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const state = await db.query<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1', [name]);
    const updates = await db.query<{ data: Buffer }>('SELECT data FROM document_updates WHERE name = $1 ORDER BY seq', [name]);
    const doc = new Y.Doc();
    for (const part of [...state.rows.map((r) => r.state), ...updates.rows.map((r) => r.data)]) Y.applyUpdate(doc, part);
    return { doc, updateRows: updates.rows.length };
  } finally {
    await db.end();
  }
}

it('acknowledges nothing while PostgreSQL is away, retries, and stores the change once it is back', { timeout: 180_000 }, async () => {
  const postgres = await startPostgres({ fsync: true });
  cleanup(() => postgres.stop());
  const [ann, sam] = [await invitePg(postgres.url, 'Ann Admin', 'admin'), await invitePg(postgres.url, 'Sam Series', 'series-manager')];
  const s = await server(postgres.url, ['--metrics-token', METRICS_TOKEN]);
  const writer = client(s.url, SERIES, ann);
  const other = client(s.url, SERIES, sam);
  await Promise.all([writer.synced, other.synced]);
  const fields = (c: typeof writer) => c.doc.getMap<string>('fields');
  fields(writer).set('title', 'Before the outage');
  await until('the first change to be acknowledged', () => writer.provider.unsyncedChanges === 0 && fields(other).get('title') === 'Before the outage');
  const storedBefore = await storedUpdates(s);

  const pidBefore = postgres.pid;
  await postgres.halt();
  fields(writer).set('standfirst', 'Written while PostgreSQL was away');
  // Longer than the retry interval and the compaction debounce: several attempts fail meanwhile.
  await sleep(3_000);
  expect(writer.provider.unsyncedChanges, 'a change PostgreSQL does not have is not acknowledged').toBeGreaterThan(0);
  expect(fields(other).get('standfirst'), 'nor passed on to the other member').toBeUndefined();
  expect(await storedUpdates(s)).toBe(storedBefore);

  await postgres.resume();
  expect(postgres.pid).not.toBe(pidBefore);
  await until('the change to be acknowledged once PostgreSQL is back', () => writer.provider.unsyncedChanges === 0, 30_000);
  await until('the other member to have it', () => fields(other).get('standfirst') === 'Written while PostgreSQL was away');
  expect(await storedUpdates(s), 'stored once').toBe(storedBefore + 1);
  const stored = await storedDocument(postgres.url, SERIES);
  expect(stored.doc.getMap('fields').toJSON()).toEqual({ title: 'Before the outage', standfirst: 'Written while PostgreSQL was away' });

  const log = s.output();
  expect(log.match(/"store\.write-failed"/g)).toHaveLength(1);
  expect(log).toContain('"store.write-recovered"');
  expect(log).not.toContain(new URL(postgres.url).password);
});
