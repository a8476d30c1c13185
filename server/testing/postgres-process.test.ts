import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgres } from './postgres-process';
import { isRunning } from './service-process';

describe('startPostgres', () => {
  it('starts a private server that takes the password over TCP, and stops it by its pid', async () => {
    const server = await startPostgres();
    try {
      expect(server.url).toMatch(/^postgres:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/postgres$/);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
      expect(rows[0].v).toMatch(/^15\./);
      await client.end();
      const wrong = new pg.Client({ connectionString: server.url.replace(/:[0-9a-f]+@/, ':wrong@') });
      await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
      const other = await server.createDatabase('second');
      const c2 = new pg.Client({ connectionString: other });
      await c2.connect();
      expect((await c2.query<{ d: string }>('SELECT current_database() AS d')).rows[0].d).toBe('second');
      await c2.end();
    } finally {
      await server.stop();
    }
    expect(isRunning(server.pid)).toBe(false);
  }, 90_000);
});
