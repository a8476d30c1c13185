/**
 * A server that rewrites its own title (redis-server does as it starts) must not be taken for
 * gone: CI once failed two Redis tests with "redis-server exited before listening" while both
 * servers were up and ready, and left them running.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandLine, isRunning } from './service-process';

const retitled = (title: string) => `process.title = ${JSON.stringify(title)}; console.log('retitled'); setInterval(() => {}, 1000);`;

describe('a test service process', () => {
  it('is running while its command line reads empty, and not once it has exited', async () => {
    const child = spawn(process.execPath, ['-e', retitled('')], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    const pid = child.pid!;
    expect(commandLine(pid)).toBe('');
    expect(isRunning(pid)).toBe(true);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
    expect(isRunning(pid)).toBe(false);
  });
});
