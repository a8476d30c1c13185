/** Whole-process timings: from spawn to exit, as a script calling the CLI in a loop sees them. */
import { spawn } from 'node:child_process';
import { APP_ROOT } from './paths';

export interface ProcessRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export function timeProcess(args: string[], env: Record<string, string> = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, args, { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ ms: performance.now() - t, code, stdout, stderr }));
  });
}

/**
 * Runs each command `times` times, interleaved (a, b, c, a, b, c...) so that a change in the
 * machine's load falls on all of them alike, after one untimed round. `prepare` runs before each
 * run (a fresh database file) and is not timed. A run whose exit code differs from `expect` throws.
 */
export async function timeInterleaved<K extends string>(
  commands: Record<K, { args: () => string[]; expect: number; env?: Record<string, string>; prepare?: () => void }>,
  times: number,
): Promise<Record<K, number[]>> {
  const out = {} as Record<K, number[]>;
  const keys = Object.keys(commands) as K[];
  for (const k of keys) out[k] = [];
  for (let round = -1; round < times; round++) {
    for (const k of keys) {
      const c = commands[k];
      c.prepare?.();
      const r = await timeProcess(c.args(), c.env);
      if (r.code !== c.expect) throw new Error(`${k}: exit ${r.code}, expected ${c.expect}\n${r.stderr.slice(-1500)}`);
      if (round >= 0) out[k].push(r.ms);
    }
  }
  return out;
}
