/**
 * Runs one of the bench's child scripts (bench/lib/*-child.ts) in a process of its own, so that its
 * peak memory and CPU time are its own, and reads the `BENCH_RESULT {...}` line it prints last.
 * A child that is killed at the timeout, or ends without that line, rejects with its output's tail.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { APP_ROOT, BENCH_ROOT } from './paths';

/**
 * BENCH_CPU_PROF_DIR=dir: each child writes a V8 CPU profile there when it exits (Node refuses
 * --cpu-prof in NODE_OPTIONS, so it is passed on the command line).
 */
export const profileFlags = (): string[] => (process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []);

export function runBenchChild<T>(script: string, args: string[], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...profileFlags(), '--import', 'tsx', path.join(BENCH_ROOT, 'lib', script), ...args], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.once('error', reject);
    p.once('exit', (code) => {
      clearTimeout(timer);
      const m = out.match(/BENCH_RESULT (\{.*\})\s*$/);
      if (!m) return reject(new Error(`${script} ${args[0] ?? ''} exited with ${code} and no result:\n${err.slice(-2000)}${out.slice(-1000)}`));
      resolve(JSON.parse(m[1]) as T);
    });
  });
}
