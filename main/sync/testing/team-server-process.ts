/**
 * The team server as the laptop side meets it in tests: a `workbench sync-server` process, a
 * member's app as a `workbench serve` process, and
 * invitations made through its CLI (main/ may not import server/; the CLI is the door).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const CLI = ['--import', 'tsx', path.join(ROOT, 'main', 'cli-main.ts')];

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed so far (its warnings included). */
  output: () => string;
}

/** A team server's store: a data folder for its SQLite file, or a postgres:// URL. */
const storeFlags = (store: string) => (store.startsWith('postgres://') ? ['--postgres', store] : ['--data', store]);

export async function startServerProcess(dataDir: string, port = 0, extra: string[] = []): Promise<ServerProcess> {
  // BENCH_CPU_PROF_DIR=dir: the server writes a V8 CPU profile there when it exits (the sync bench's profiles).
  const prof = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...prof, ...CLI, 'sync-server', ...storeFlags(dataDir), '--port', String(port), ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the team server did not start in 60 s:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /^listening on (wss?:\/\/\S+)$/m.exec(out);
      if (m) clearTimeout(timer), resolve(m[1]);
    });
    void exited.then(() => reject(new Error(`the team server exited before listening:\n${out}`)));
  });
  return { url, port: Number(new URL(url).port), child, exited, output: () => out };
}

/** Runs `workbench <args>` to the end. */
export function workbench(args: string[], env: NodeJS.ProcessEnv = process.env): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A private PostgreSQL for this test (server/testing/postgres-child.ts in a child process, which
 * stops it when this process lets go of it); resolves with its URL, the team server's store.
 */
export async function startPostgresProcess(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'testing', 'postgres-child.ts'), '--fsync'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    void exited.then(() => reject(new Error(`PostgreSQL did not start:\n${out}`)));
  });
  return {
    url,
    async stop() {
      child.stdin!.end();
      await exited;
    },
  };
}

/** Invites members through `workbench sync-server invite` into a data folder or a postgres:// URL; returns their tokens in order. */
export function invite(dataDir: string, ...members: Array<[name: string, role: string, email?: string, author?: string]>): string[] {
  return members.map(([name, role, email, author]) => {
    const r = workbench(['sync-server', 'invite', ...storeFlags(dataDir), '--name', name, '--role', role, ...(email ? ['--email', email] : []), ...(author ? ['--author', author] : []), '--json']);
    if (r.status !== 0) throw new Error(`invite failed: ${r.stderr}`);
    return (JSON.parse(r.stdout) as { token: string }).token;
  });
}

export interface AppProcess {
  /** The page's address, e.g. http://127.0.0.1:1234 (no trailing slash). */
  url: string;
  /** The per-launch secret, read from the served page as the page reads it. */
  secret: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
  stop(): Promise<void>;
}

/**
 * A member's app as a user runs it: `workbench serve` on its own store, in its own process.
 * rendererDir holds the page it serves (tests need no built renderer: the secret is what counts).
 */
export async function startAppProcess(dbPath: string, rendererDir: string, env: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--db', dbPath], {
    cwd: ROOT,
    env: { ...process.env, WORKBENCH_RENDERER_DIR: rendererDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`workbench serve did not start in 60 s:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) clearTimeout(timer), resolve(m[1]);
    });
    void exited.then(() => reject(new Error(`workbench serve exited before listening:\n${out}`)));
  });
  const page = await (await fetch(`${url}/`)).text();
  const secret = /<meta name="workbench-secret" content="([^"]+)">/.exec(page)?.[1];
  if (!secret) throw new Error(`no secret in the page served at ${url}`);
  return {
    url,
    secret,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
