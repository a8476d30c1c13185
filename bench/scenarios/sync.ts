/**
 * sync: the team workspace on loopback, against a real `workbench sync-server` process.
 *
 * - first full sync: the bench's data set is seeded by an admin's laptop (a copy of the data set
 *   database), then a new member's empty store syncs it all, in a process of its own (wall time,
 *   its peak RSS, and the server's). Baseline: copying the same SQLite file.
 * - reconnect: that member changes 1,000 posts offline, then syncs again (its own process); then
 *   one post's title, and syncs again (only that post's document opens: change marks).
 * - server documents on disk (after a SIGTERM, which compacts) against the data set file.
 * - change on A visible on B: two live sessions on a small workspace of their own; a post's title
 *   changed on A until B's table holds it, p95.
 * - 50 clients: simulated members (Hocuspocus providers) on one document, each changing it in turn;
 *   from a change until every other client has it, p95; the server's peak RSS.
 *
 * BENCH_SYNC_ONLY=first-sync runs the seeding and the first full sync alone (their rows are the
 * same as in a full run), for profiling that part: with BENCH_CPU_PROF_DIR each process leaves its
 * CPU profile.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openDatabase, type DB } from '../../db/connection';
import { createPost } from '../../db/repos/posts';
import { startServerProcess, invite, type ServerProcess } from '../../main/sync/testing/team-server-process';
import { KeyFileVault } from '../../main/sync/token-vault';
import { joinWorkspace, openSession, syncWorkspace } from '../../main/sync/workspace';
import { copyDataset } from '../generate/index';
import { runBenchChild } from '../lib/bench-child';
import { median, p95 } from '../lib/stats';
import { judge, type Row, type Scenario } from '../lib/types';

interface ChildResult {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  detail: { posts: number; series: number; comments: number; pending: number; state: string };
}

const syncChild = (args: string[], timeoutMs: number) => runBenchChild<ChildResult>('sync-child.ts', ['sync', ...args], timeoutMs);

/** A live process's CPU time so far (user + system, Linux), in ms. */
function cpuMs(pid: number): number {
  // Counted from after the command name (which may hold spaces): utime and stime, in 1/100 s (USER_HZ).
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

/** A live process's peak resident memory so far (Linux), in MB. */
function peakRssMB(pid: number): number {
  const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function stop(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  await server.exited;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until check() holds, polling every 2 ms; returns when it did (performance.now()). */
async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    if (check()) return performance.now();
    if (performance.now() > end) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await sleep(2);
  }
}

const FIRST_SYNC_ONLY = process.env.BENCH_SYNC_ONLY === 'first-sync';
const FIRST_SYNC_BUDGET_MS = 30_000;
const RSS_BUDGET_MB = 400;
const RECONNECT_BUDGET_MS = 5_000;
const LATENCY_BUDGET_MS = 250;

export const sync: Scenario = {
  name: 'sync',
  title: 'Team workspace: first full sync, reconnect, change latency, 50 clients, server size',
  async run(ctx) {
    const full = ctx.sizes.name === 'full';
    const work = path.join(ctx.data.dir, 'work', 'sync');
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    const keyFile = path.join(work, 'workspace.key');
    const rows: Row[] = [];
    const notes: string[] = [];
    const timeoutS = full ? 1_200 : 120;

    // The bench workspace: seeded once from the data set, then a new member's first full sync.
    const dataDir = path.join(work, 'server');
    let server = await startServerProcess(dataDir);
    try {
      const [adminToken, editorToken] = invite(dataDir, ['Ann Admin', 'admin'], ['Ed Itor', 'editor']);
      const seeded = await syncChild([copyDataset(ctx.data, 'sync-seed'), keyFile, String(timeoutS), server.url, adminToken], timeoutS * 1000 + 60_000);
      const seedServerRss = peakRssMB(server.child.pid!);
      ctx.log(`seeded by the admin's laptop: ${Math.round(seeded.ms)} ms, CPU ${Math.round(seeded.cpuMs)} ms, peak RSS ${Math.round(seeded.maxRssMB)} MB; server ${Math.round(seedServerRss)} MB`);
      rows.push({
        name: `seeding the workspace (${seeded.detail.posts} posts, ${seeded.detail.comments.toLocaleString('en-GB')} comments)`,
        unit: 'ms',
        ours: seeded.ms,
        baseline: null,
        baselineName: '–',
        budget: 'reported',
        pass: null,
        note: `CPU ${(seeded.cpuMs / 1000).toFixed(1)} s; peak RSS: admin's laptop ${Math.round(seeded.maxRssMB)} MB, server ${Math.round(seedServerRss)} MB`,
      });
      // A fresh server process on the same port and data: its peak RSS is then the new member's sync alone.
      await stop(server);
      server = await startServerProcess(dataDir, server.port);
      const member = path.join(work, 'member.sqlite');
      const first = await syncChild([member, keyFile, String(timeoutS), server.url, editorToken], timeoutS * 1000 + 60_000);
      const serverRss = peakRssMB(server.child.pid!);
      // The server process was started for this sync alone: its CPU is its start and this sync.
      const serverCpuMs = cpuMs(server.child.pid!);
      ctx.log(`first full sync: ${Math.round(first.ms)} ms; CPU member ${Math.round(first.cpuMs)} ms, server ${Math.round(serverCpuMs)} ms; peak RSS member ${Math.round(first.maxRssMB)} MB, server ${Math.round(serverRss)} MB`);
      if (first.detail.posts !== seeded.detail.posts || first.detail.comments !== seeded.detail.comments) {
        throw new Error(`the new member got ${first.detail.posts} posts and ${first.detail.comments} comments, the workspace holds ${seeded.detail.posts} and ${seeded.detail.comments}`);
      }
      const copies: number[] = [];
      for (let i = 0; i < 3; i++) {
        const target = path.join(work, 'copy.sqlite');
        const t = performance.now();
        fs.copyFileSync(ctx.data.db, target);
        copies.push(performance.now() - t);
        fs.rmSync(target);
      }
      const peak = Math.max(first.maxRssMB, serverRss);
      rows.push({
        name: `first full sync (${first.detail.posts} posts, ${first.detail.comments.toLocaleString('en-GB')} comments)`,
        unit: 'ms',
        ours: first.ms,
        baseline: median(copies),
        baselineName: 'copying the same SQLite file',
        budget: `< ${FIRST_SYNC_BUDGET_MS / 1000} s`,
        pass: judge(ctx, first.ms < FIRST_SYNC_BUDGET_MS),
        note: `CPU ${(first.cpuMs / 1000).toFixed(1)} s in the member's process, ${(serverCpuMs / 1000).toFixed(1)} s in the server's (its start included)`,
      });
      rows.push({
        name: 'first full sync, peak RSS (higher of member and server)',
        unit: 'MB',
        ours: peak,
        baseline: null,
        baselineName: '–',
        budget: `< ${RSS_BUDGET_MB} MB each side`,
        pass: judge(ctx, first.maxRssMB < RSS_BUDGET_MB && serverRss < RSS_BUDGET_MB),
        note: `member ${Math.round(first.maxRssMB)} MB, server ${Math.round(serverRss)} MB (tsx loader included)`,
      });

      if (FIRST_SYNC_ONLY) return { status: 'ok', rows, notes };

      // 1,000 changes made offline (the member's process has ended), then one sync.
      const changes = 1_000;
      const db = openDatabase(member);
      const ids = db.prepare('SELECT id FROM posts ORDER BY id').pluck().all() as string[];
      const now = new Date().toISOString();
      db.transaction(() => {
        for (let i = 0; i < changes; i++) db.prepare('UPDATE posts SET standfirst = ?, updated_at = ? WHERE id = ?').run(`Offline change ${i}`, now, ids[i % ids.length]);
      })();
      db.close();
      const again = await syncChild([member, keyFile, String(timeoutS)], timeoutS * 1000 + 60_000);
      // A reconnect's row: its time against the budget, with what it cost the member.
      const reconnectRow = (name: string, run: typeof again, changed = ''): Row => ({
        name,
        unit: 'ms',
        ours: run.ms,
        baseline: null,
        baselineName: '–',
        budget: `< ${RECONNECT_BUDGET_MS / 1000} s`,
        pass: judge(ctx, run.ms < RECONNECT_BUDGET_MS),
        note: `${changed}CPU ${(run.cpuMs / 1000).toFixed(1)} s, peak RSS ${Math.round(run.maxRssMB)} MB`,
      });
      rows.push(reconnectRow(`reconnect after ${changes.toLocaleString('en-GB')} offline changes`, again, `${Math.min(changes, ids.length)} posts changed; `));

      // One title changed offline (the member is an editor): the reconnect opens only that post's text (change marks).
      const db1 = openDatabase(member);
      db1.prepare('UPDATE posts SET title = ?, updated_at = ? WHERE id = ?').run('One offline change', new Date().toISOString(), ids[0]);
      db1.close();
      const small = await syncChild([member, keyFile, String(timeoutS)], timeoutS * 1000 + 60_000);
      rows.push(reconnectRow('reconnect after one offline change', small));
    } finally {
      await stop(server);
    }
    const onDisk = ['', '-wal'].reduce((n, s) => n + (fs.existsSync(path.join(dataDir, `team.sqlite${s}`)) ? fs.statSync(path.join(dataDir, `team.sqlite${s}`)).size : 0), 0) / 1e6;
    const dataset = fs.statSync(ctx.data.db).size / 1e6;
    rows.push({
      name: "server's documents on disk",
      unit: 'MB',
      ours: onDisk,
      baseline: dataset,
      baselineName: 'the data set SQLite file',
      budget: 'reported',
      pass: null,
      note: `${(onDisk / dataset).toFixed(2)}x; the data set also holds what is not shared (revisions, search index, scores)`,
    });

    rows.push(...(await liveRows(ctx, work, full, notes)));
    return { status: 'ok', rows, notes };
  },
};

/** Change latency between two live sessions, and 50 simulated clients, on a small workspace of their own. */
async function liveRows(ctx: Parameters<Scenario['run']>[0], work: string, full: boolean, notes: string[]): Promise<Row[]> {
  const dataDir = path.join(work, 'live-server');
  const clients = full ? 50 : 5;
  const server = await startServerProcess(dataDir, 0, ['--max-connections-per-member', String(clients + 8)]);
  const dbs: DB[] = [];
  const closers: Array<() => void> = [];
  try {
    const [token] = invite(dataDir, ['Ann Admin', 'admin']);
    const vault = new KeyFileVault(path.join(work, 'live.key'));
    const [a, b] = ['live-a', 'live-b'].map((n) => openDatabase(path.join(work, `${n}.sqlite`)));
    dbs.push(a, b);
    const post = createPost(a, { title: 'Latency 0' });
    for (const db of [a, b]) {
      await joinWorkspace(db, vault, { url: server.url, token });
      await syncWorkspace(db, vault, 60_000);
    }
    const sa = openSession(a, vault);
    const sb = openSession(b, vault);
    closers.push(() => sa.close(), () => sb.close());
    sa.startLive();
    sb.startLive();
    const titleOnB = b.prepare('SELECT title FROM posts WHERE id = ?').pluck();
    await until(() => titleOnB.get(post.id) === 'Latency 0', 60_000, 'the post reaching B');
    const latencies: number[] = [];
    const rounds = full ? 40 : 5;
    for (let i = 1; i <= rounds; i++) {
      const title = `Latency ${i}`;
      const t = performance.now();
      a.prepare('UPDATE posts SET title = ?, updated_at = ? WHERE id = ?').run(title, new Date().toISOString(), post.id);
      latencies.push((await until(() => titleOnB.get(post.id) === title, 30_000, `change ${i} reaching B`)) - t);
      await sleep(50);
    }
    ctx.log(`change on A visible on B: ${latencies.map(Math.round).join(', ')} ms`);

    // Simulated members: one document, each client changes it in turn, everyone else must see it.
    const seen = new Map<string, number>();
    const sent = new Map<string, number>();
    const peers = Array.from({ length: clients }, (_, i) => {
      const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket });
      const doc = new Y.Doc();
      const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'post-plan/bench-load', document: doc, token, awareness: null });
      provider.attach();
      const map = doc.getMap<number>('load');
      map.observe((e) => {
        if (e.transaction.local) return;
        for (const key of e.keysChanged) seen.set(`${key}@${i}`, performance.now());
      });
      closers.push(() => (provider.destroy(), socket.destroy()));
      return { provider, map };
    });
    await until(() => peers.every((p) => p.provider.isSynced), 60_000, 'every simulated client syncing');
    const loadRounds = full ? 4 : 2;
    for (let r = 0; r < loadRounds; r++) {
      for (const [i, p] of peers.entries()) {
        const key = `c${i}r${r}`;
        sent.set(key, performance.now());
        p.map.set(key, r);
        await sleep(full ? 20 : 10);
      }
    }
    const expected = sent.size * (clients - 1);
    await until(() => seen.size >= expected, 120_000, `every change reaching every client (${seen.size} of ${expected})`);
    const fanout = [...seen].map(([k, at]) => at - sent.get(k.slice(0, k.indexOf('@')))!);
    const serverRss = peakRssMB(server.child.pid!);
    notes.push(`change latency: ${rounds} title changes; ${clients} clients: ${sent.size} changes, ${fanout.length} deliveries, all clients in the bench's process`);
    return [
      {
        name: 'change on A visible on B, p95',
        unit: 'ms',
        ours: p95(latencies),
        baseline: null,
        baselineName: '–',
        budget: `< ${LATENCY_BUDGET_MS} ms`,
        pass: judge(ctx, p95(latencies) < LATENCY_BUDGET_MS),
        note: `median ${Math.round(median(latencies))} ms; from the table write on A to the row in B's table`,
      },
      {
        name: `${clients} clients making changes, p95 to every other client`,
        unit: 'ms',
        ours: p95(fanout),
        baseline: null,
        baselineName: '–',
        budget: 'reported',
        pass: null,
        note: `median ${Math.round(median(fanout))} ms; server peak RSS ${Math.round(serverRss)} MB`,
      },
      {
        name: `server peak RSS with ${clients} clients`,
        unit: 'MB',
        ours: serverRss,
        baseline: null,
        baselineName: '–',
        budget: 'reported',
        pass: null,
      },
    ];
  } finally {
    for (const c of closers.reverse()) c();
    for (const db of dbs) db.close();
    await stop(server);
  }
}
