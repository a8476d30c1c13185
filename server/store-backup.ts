/**
 * `sync-server backup` and `restore`, for either store, each checked by count and checksum
 * (server/store-check.ts). A backup writes FILE and FILE.check.json, the summary of exactly what
 * FILE holds: for SQLite the online backup API's copy is summarized itself; for PostgreSQL pg_dump
 * (custom format) runs on a snapshot exported by the transaction the summary is read in. A restore
 * puts FILE in place and compares what is then stored with FILE.check.json. Members' tokens are
 * stored only as hashes, so no backup holds a usable token.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { AppError } from '../common/errors';
import { PgStore } from './pg-store';
import { STORE_FILE, TeamStore } from './store';
import { describeTarget, type StoreTarget } from './store-api';
import { compareSummaries, summarize, type Comparison, type StoreSummary } from './store-check';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

interface CheckFile extends StoreSummary {
  kind: 'sqlite' | 'postgres';
  madeAt: string;
}

export const checkFileOf = (file: string) => `${file}.check.json`;

/** libpq's tools take the URL without its password (which `ps` would show) and the password apart. */
function pgTool(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function pgToolRun(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(path.join(PG_BIN, tool), args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new AppError('INTERNAL', `${tool} was not found in ${PG_BIN}: install Debian's postgresql-client-15.`);
    throw new AppError('INTERNAL', `${tool} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

export async function backupStore(target: StoreTarget, out: string): Promise<{ documents: number; members: number; checkFile: string }> {
  const checkFile = checkFileOf(out);
  for (const f of [out, checkFile]) if (fs.existsSync(f)) throw new AppError('BAD_INPUT', `${f} already exists; name a new file for the backup.`);
  let summary: StoreSummary;
  if ('dataDir' in target) {
    const file = path.join(target.dataDir, STORE_FILE);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `${file} does not exist: --data names the team server's data folder.`);
    const store = new TeamStore(target.dataDir);
    try {
      await store.backup(out);
    } finally {
      store.close();
    }
    summary = await summarizeSqliteFile(out);
  } else {
    const store = await PgStore.open(target.postgres);
    try {
      const tool = pgTool(target.postgres);
      summary = await store.snapshot(async (view, snapshotId) => {
        await pgToolRun('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshotId}`, `--file=${out}`, `--dbname=${tool.url}`], tool.env);
        return summarize(view);
      });
    } finally {
      await store.close();
    }
  }
  const check: CheckFile = { kind: 'dataDir' in target ? 'sqlite' : 'postgres', madeAt: new Date().toISOString(), ...summary };
  fs.writeFileSync(checkFile, JSON.stringify(check, null, 1));
  return { documents: summary.documents, members: summary.members, checkFile };
}

/** Reads a backup copy without changing it (the store class would set WAL mode on it). */
async function summarizeSqliteFile(file: string): Promise<StoreSummary> {
  const dir = fs.mkdtempSync(path.join(path.dirname(path.resolve(file)), '.check-'));
  try {
    const db = new Database(file, { readonly: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new AppError('INTERNAL', `The backup ${file} is damaged: ${String(integrity)}`);
      await db.backup(path.join(dir, STORE_FILE));
    } finally {
      db.close();
    }
    const copy = new TeamStore(dir);
    try {
      return await summarize(copy);
    } finally {
      copy.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readCheckFile(from: string): CheckFile {
  if (!fs.existsSync(from)) throw new AppError('NOT_FOUND', `${from} does not exist.`);
  const checkFile = checkFileOf(from);
  if (!fs.existsSync(checkFile)) throw new AppError('NOT_FOUND', `${checkFile} is missing: a restore is checked against the checksums \`sync-server backup\` wrote beside the backup.`);
  try {
    return JSON.parse(fs.readFileSync(checkFile, 'utf8')) as CheckFile;
  } catch (err) {
    throw new AppError('BAD_INPUT', `${checkFile} is not a backup's checksum file: ${(err as Error).message}`);
  }
}

/** Restores a backup into a store (with the server stopped), then compares it with the backup's checksums. */
export async function restoreStore(from: string, target: StoreTarget, options: { replace: boolean }): Promise<Comparison> {
  const check = readCheckFile(from);
  const kind = 'dataDir' in target ? 'sqlite' : 'postgres';
  if (check.kind !== kind) {
    throw new AppError('BAD_INPUT', `${from} is a backup of a ${check.kind === 'sqlite' ? 'SQLite file' : 'PostgreSQL database'}; restore it into the same kind of store (migrate-store moves a team from SQLite to PostgreSQL). Nothing was changed.`);
  }
  const where = describeTarget(target);
  if ('dataDir' in target) {
    const file = path.join(target.dataDir, STORE_FILE);
    if (fs.existsSync(file) && !options.replace) throw new AppError('CONFLICT', `${file} already exists; nothing was changed. Add --replace to put the backup in its place.`);
    fs.mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
    const incoming = `${file}.restoring`;
    fs.rmSync(incoming, { force: true });
    const src = new Database(from, { readonly: true });
    try {
      await src.backup(incoming);
    } finally {
      src.close();
    }
    for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(incoming, file);
    const store = new TeamStore(target.dataDir);
    try {
      return compareSummaries(check, await summarize(store), [from, where]);
    } finally {
      store.close();
    }
  }
  const client = new pg.Client({ connectionString: target.postgres });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass('members')::text AS t");
    if (rows[0].t) {
      const held = await client.query<{ n: string }>('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM document_updates) + (SELECT count(*) FROM members) AS n');
      if (Number(held.rows[0].n) > 0 && !options.replace) throw new AppError('CONFLICT', `${where} already holds team data; nothing was changed. Add --replace to put the backup in its place.`);
    }
  } finally {
    await client.end();
  }
  const tool = pgTool(target.postgres);
  await pgToolRun('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${tool.url}`, from], tool.env);
  const store = await PgStore.open(target.postgres);
  try {
    return compareSummaries(check, await summarize(store), [from, where]);
  } finally {
    await store.close();
  }
}
