/**
 * Starts browser mode as its own process on a temp database, the way a user runs it, so a test
 * can kill it (SIGKILL) and start it again on the same file. The renderer must be built first
 * (`npm run build:renderer`; WORKBENCH_RENDERER_DIR points elsewhere if needed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsCurrent } from '../scripts/main-bundle.mjs';

export interface ServerProcess {
  url: string;
  dbPath: string;
  child: ChildProcess;
  /** Stops it gracefully (SIGTERM) or abruptly (SIGKILL). */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist', 'main');
/**
 * The built CLI while it matches the sources (as bin/workbench.mjs runs it: `npm test` builds before
 * the e2e stage), else the sources through tsx. The bundle starts in about a third of the CPU time
 * tsx needs to compile every source again for each test's server.
 */
const LAUNCH = bundleIsCurrent(ROOT, BUNDLE) ? [path.join(BUNDLE, 'cli.cjs')] : ['--import', 'tsx', path.join(ROOT, 'main/cli-main.ts')];

export function tempDbPath(prefix = 'wb-e2e-'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'workbench.sqlite');
}

export async function startServer(dbPath: string = tempDbPath(), env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...LAUNCH, 'serve', '--port', '0', '--db', dbPath], {
    cwd: ROOT,
    env: { ...process.env, WORKBENCH_CHECK_OUTPUT: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // A deadline, not a wait: on a loaded CI box (load average 30 on 2 cores) a start has taken over 20 s.
    // Nobody gets a handle to stop it then: it is stopped here, not left running after the test.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/running at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${output}`));
    });
  });
  return {
    url,
    dbPath,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** The per-launch secret, read the way the page reads it: from the served index.html. */
export async function fetchSecret(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const m = html.match(/<meta name="workbench-secret" content="([^"]+)">/);
  if (!m) throw new Error('no secret in the served page');
  return m[1];
}

/** Calls an API method over HTTP as the page does; returns the Result. */
export async function callApi(url: string, secret: string, method: string, input: unknown = {}): Promise<any> {
  const res = await fetch(new URL(`api/${method}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-secret': secret },
    body: JSON.stringify(input),
  });
  return res.json();
}
