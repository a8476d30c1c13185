/**
 * A private Redis 7 for one test: redis-server with options only (so /etc/redis/redis.conf is never
 * read), on 127.0.0.1, a free port and its own directory, with a password and no persistence.
 * Stopped by the id of the process started here, while its command line is still redis-server.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, isRunning, randomPassword, stopPid } from './service-process';

export interface RedisProcess {
  /** redis://default:PASS@127.0.0.1:PORT (Redis 7.0 needs the user name beside the password). */
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

async function accepting(port: number, ms: number, alive: () => boolean, log: () => string): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (!alive()) throw new Error(`redis-server exited before listening:\n${log()}`);
    if (Date.now() > end) throw new Error(`redis-server did not listen on ${port} in ${ms} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startRedis(): Promise<RedisProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-redis-'));
  const port = await freePort();
  const password = randomPassword();
  const logfile = path.join(dir, 'log');
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', logfile, '--requirepass', password, '--protected-mode', 'yes'];
  let child;
  try {
    child = spawn('redis-server', args, { stdio: 'ignore' });
  } catch (e) {
    throw new Error(`redis-server could not start (apt-get install redis-server; .ci/run does): ${(e as Error).message}`);
  }
  const spawned = await new Promise<Error | null>((resolve) => {
    child.once('spawn', () => resolve(null));
    child.once('error', (e) => resolve(e));
  });
  if (spawned) throw new Error(`redis-server could not start (apt-get install redis-server; .ci/run does): ${spawned.message}`);
  const pid = child.pid!;
  child.unref();
  const log = () => (fs.existsSync(logfile) ? fs.readFileSync(logfile, 'utf8') : '');
  try {
    await accepting(port, 20_000, () => isRunning(pid), log);
  } catch (e) {
    // Never leave a server behind that the caller has no handle to stop.
    await stopPid(pid, 'redis-server', 'SIGKILL');
    throw e;
  }
  return {
    url: `redis://default:${password}@127.0.0.1:${port}`,
    port,
    pid,
    async stop() {
      await stopPid(pid, 'redis-server', 'SIGTERM');
      if (!isRunning(pid)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
