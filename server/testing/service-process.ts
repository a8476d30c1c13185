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

/**
 * The process's name (/proc/<pid>/stat's, at most 15 characters) and state letter, or null once it
 * is gone. Unlike the command line, the name survives a server rewriting its title: redis-server
 * overwrites its argv in place as it starts, and a read in between sees an empty command line.
 */
function stat(pid: number): { name: string; state: string } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    return { name: text.slice(text.indexOf('(') + 1, close), state: text.charAt(close + 2) };
  } catch {
    return null;
  }
}

/** Alive: present and not a zombie (Z) or dead (X), whatever its command line reads at the moment. */
export function isRunning(pid: number): boolean {
  const s = stat(pid);
  return s !== null && s.state !== 'Z' && s.state !== 'X';
}

/** Whether pid is still the process we started: its command line or its name names `marker`. */
function isOurs(pid: number, marker: string): boolean {
  const name = stat(pid)?.name;
  return isRunning(pid) && (commandLine(pid).includes(marker) || (!!name && marker.startsWith(name)));
}

/** Signals pid only if it is still ours (see isOurs), then waits until it is gone. */
export async function stopPid(pid: number, marker: string, signal: NodeJS.Signals, ms = 20_000): Promise<void> {
  if (!isOurs(pid, marker)) return;
  process.kill(pid, signal);
  const end = Date.now() + ms;
  while (isRunning(pid)) {
    if (Date.now() > end) {
      if (isOurs(pid, marker)) process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
