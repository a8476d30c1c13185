/**
 * What the PostgreSQL and Redis test launchers share: a free loopback port, a random password,
 * and stopping a recorded process id only while its command line is still the one we started
 * (a finished child lingers as <defunct>, and an id may be reused; see design/SERVICES.md).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** URL-safe, so it goes into a connection URL without escaping. */
export const randomPassword = () => crypto.randomBytes(18).toString('hex');

/** The process's command line, or '' once it is gone (or a zombie, whose cmdline is empty). */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

export const isRunning = (pid: number) => commandLine(pid) !== '';

/** Signals pid only if its command line still contains `marker`, then waits until it is gone. */
export async function stopPid(pid: number, marker: string, signal: NodeJS.Signals, ms = 20_000): Promise<void> {
  if (!commandLine(pid).includes(marker)) return;
  process.kill(pid, signal);
  const end = Date.now() + ms;
  while (isRunning(pid)) {
    if (Date.now() > end) {
      if (commandLine(pid).includes(marker)) process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
