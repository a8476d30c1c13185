/**
 * `workbench workspace` as a member runs it: real CLI processes, a real team server process and
 * real SQLite files; the key file lives outside the database (WORKBENCH_KEY_FILE).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSyncTestKit } from './testing/laptops';
import { invite, workbench } from './testing/team-server-process';

const kit = useSyncTestKit();

describe('workbench workspace', { timeout: 180_000 }, () => {
  it('joins, reports its status, syncs, refuses a bad token or an unreachable server with exit 2, and leaves', async () => {
    const data = kit.dir();
    const server = await kit.server(data);
    const [token] = invite(data, ['Ann Smith', 'series-manager']);
    const dir = kit.dir();
    const db = path.join(dir, 'laptop.sqlite');
    const env = { ...process.env, WORKBENCH_KEY_FILE: path.join(kit.dir(), 'workspace.key') };
    const run = (...args: string[]) => workbench(['workspace', ...args, '--db', db], env);

    expect(JSON.parse(run('status', '--json').stdout)).toMatchObject({ joined: false, state: 'local-only' });
    const bad = run('join', server.url, '--token', 'wbt_wrong');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/refused the token: invalid-token.*nothing was changed/);
    expect(JSON.parse(run('status', '--json').stdout)).toMatchObject({ joined: false });

    const joined = run('join', server.url, '--token', token, '--json');
    expect(joined.status, joined.stderr).toBe(0);
    expect(JSON.parse(joined.stdout)).toMatchObject({ joined: true, url: server.url, member: { name: 'Ann Smith' }, role: 'series-manager', state: 'up-to-date', pending: 0, conflicts: 0 });
    expect(joined.stdout + joined.stderr).not.toContain(token);
    const synced = run('sync', '--json', '--timeout', '30');
    expect(synced.status, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ state: 'up-to-date', lastSyncAt: expect.any(String) });
    expect(run('conflicts').stdout).toMatch(/Nothing needs a decision/);

    server.child.kill('SIGKILL');
    await server.exited;
    const offline = run('sync', '--timeout', '2');
    expect(offline.status).toBe(2);
    expect(offline.stderr).toMatch(/did not finish syncing within 2 s \(cannot reach ws:\/\/127\.0\.0\.1:\d+\)/);

    expect(run('leave').stdout).toMatch(/Left ws:\/\/.*local-only store/);
    expect(JSON.parse(run('status', '--json').stdout)).toMatchObject({ joined: false, state: 'local-only' });
  });
});
