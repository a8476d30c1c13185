/**
 * An instance SIGKILLed on a shared PostgreSQL leaves its acknowledged updates beside the stored
 * state. A live instance that loads the document, even only for a reader, folds them into the state
 * and drops them, so they are not merged again on every load.
 */
import pg from 'pg';
import { expect, it } from 'vitest';
import { invitePg, until } from './testing/team-process';
import { useTeamFixture } from './testing/team-fixture';
import { startPostgres } from './testing/postgres-process';

const { cleanup, server, client } = useTeamFixture('wb-dead-instance-');

const SERIES = 'series/0190a0b2-7c1d-7000-8000-000000000401';

it('cleans up the updates of an instance that died, when a live one loads the document', { timeout: 180_000 }, async () => {
  const postgres = await startPostgres();
  cleanup(() => postgres.stop());
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  cleanup(() => db.end());
  const rows = async () => (await db.query<{ n: number; instances: number }>('SELECT count(*)::int AS n, count(DISTINCT instance)::int AS instances FROM document_updates WHERE name = $1', [SERIES])).rows[0];
  const [ann, rae] = [await invitePg(postgres.url, 'Ann Admin', 'admin'), await invitePg(postgres.url, 'Rae Viewer', 'reviewer')];

  const doomed = await server(postgres.url);
  const writer = client(doomed.url, SERIES, ann);
  await writer.synced;
  for (let i = 0; i < 4; i++) writer.doc.getMap('fields').set(`title${i}`, `Title ${i}`);
  await until('the changes to be acknowledged', () => writer.provider.unsyncedChanges === 0);
  doomed.child.kill('SIGKILL');
  await doomed.exited;
  writer.destroy();
  expect(await rows()).toEqual({ n: expect.any(Number), instances: 1 });
  expect((await rows()).n).toBeGreaterThanOrEqual(1);

  const live = await server(postgres.url);
  const reader = client(live.url, SERIES, rae);
  await reader.synced;
  expect(reader.doc.getMap('fields').toJSON()).toEqual({ title0: 'Title 0', title1: 'Title 1', title2: 'Title 2', title3: 'Title 3' });
  for (const end = Date.now() + 10_000; (await rows()).n > 0 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 100));
  expect(await rows()).toEqual({ n: 0, instances: 0 });
  const state = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE name = $1', [SERIES]);
  expect(state.rows[0].n).toBe(1);

  // What is stored alone gives the document back whole.
  reader.destroy();
  const again = client(live.url, SERIES, rae);
  await again.synced;
  expect(again.doc.getMap('fields').toJSON()).toEqual({ title0: 'Title 0', title1: 'Title 1', title2: 'Title 2', title3: 'Title 3' });
});
