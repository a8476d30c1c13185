/**
 * A private PostgreSQL 15 for one test: initdb (as the postgres user, since initdb refuses root)
 * into a fresh temporary directory, then pg_ctl start on 127.0.0.1, a free port and our own socket
 * directory, with a password. The server detaches from pg_ctl, so it is stopped by the process id
 * in postmaster.pid (SIGINT, PostgreSQL's fast shutdown), and only while that id is still it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, isRunning, randomPassword, stopPid } from './service-process';

export const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresProcess {
  /** postgres://postgres:PASS@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** The running server's process id (a new one after resume()). */
  readonly pid: number;
  dir: string;
  /** A URL for another database of the same server (created by createDatabase). */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** Stops the server by its id (fast shutdown) and keeps its data, for resume(). */
  halt(): Promise<void>;
  /** Starts the halted server again on the same data, port and password. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

const asPostgres = (root: boolean) => (root ? ['runuser', '-u', 'postgres', '--'] : []);

function run(cmd: string[], opts: { cwd?: string } = {}): string {
  const [file, ...args] = cmd;
  return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

/** fsync stays on unless asked: a durability test must not run on a server that lies about disk. */
export async function startPostgres(options: { fsync?: boolean } = {}): Promise<PostgresProcess> {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15 is not installed (${PG_BIN}/initdb is missing): apt-get install postgresql (.ci/run does)`);
  }
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-pg-'));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, 'data');
  const sockets = path.join(dir, 'sock');
  const pwfile = path.join(dir, 'pw');
  const password = randomPassword();
  fs.mkdirSync(data, { mode: 0o700 });
  fs.mkdirSync(sockets, { mode: 0o755 });
  fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (root) {
    const { uid, gid } = fs.statSync('/var/lib/postgresql');
    for (const p of [dir, data, sockets, pwfile]) fs.chownSync(p, uid, gid);
  }
  const sudo = asPostgres(root);
  run([...sudo, path.join(PG_BIN, 'initdb'), '-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-host=scram-sha-256', '--auth-local=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], { cwd: dir });
  fs.rmSync(pwfile);
  const port = await freePort();
  const settings = [`-c listen_addresses=127.0.0.1`, `-p ${port}`, `-k ${sockets}`];
  if (!options.fsync) settings.push('-c fsync=off', '-c full_page_writes=off');
  const launch = () => {
    run([...sudo, path.join(PG_BIN, 'pg_ctl'), '-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', '-o', settings.join(' '), 'start'], { cwd: dir });
    return Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  };
  let pid = launch();
  const urlFor = (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    port,
    get pid() {
      return pid;
    },
    dir,
    urlFor,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      run(['psql', '-h', sockets, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `CREATE DATABASE ${name}`]);
      return urlFor(name);
    },
    async halt() {
      await stopPid(pid, 'postgres', 'SIGINT');
    },
    async resume() {
      if (isRunning(pid)) throw new Error(`PostgreSQL (pid ${pid}) is still running`);
      pid = launch();
    },
    async stop() {
      await stopPid(pid, 'postgres', 'SIGINT');
      if (!isRunning(pid)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
