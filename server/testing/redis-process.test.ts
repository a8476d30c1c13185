import net from 'node:net';
import Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { startRedis } from './redis-process';
import { isRunning } from './service-process';

describe('startRedis', () => {
  it('starts a private redis-server that wants its password, and stops it by its pid', async () => {
    const server = await startRedis();
    try {
      expect(server.url).toMatch(/^redis:\/\/default:[0-9a-f]+@127\.0\.0\.1:\d+$/);
      const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await client.connect();
      await client.set('k', 'v');
      expect(await client.get('k')).toBe('v');
      client.disconnect();
      // Without the password, Redis answers a plain PING with NOAUTH.
      const answer = await new Promise<string>((resolve, reject) => {
        const s = net.connect(server.port, '127.0.0.1', () => s.write('PING\r\n'));
        s.once('data', (d) => (s.destroy(), resolve(d.toString())));
        s.once('error', reject);
      });
      expect(answer).toMatch(/^-NOAUTH/);
    } finally {
      await server.stop();
    }
    expect(isRunning(server.pid)).toBe(false);
  }, 60_000);
});
