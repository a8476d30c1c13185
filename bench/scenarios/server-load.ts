/**
 * server-load: the team server under many members, on loopback. 500 simulated members (light:
 * a provider and a Y.Doc each, many to a child process) on 200 documents; 10% edit at a steady
 * rate, the rest read (reviewers, read-only). Run on one instance, then on two instances sharing
 * the store through Redis, with each document's members spread over both and twice the edit rate;
 * on PostgreSQL (the store for several instances), with one instance on SQLite beside it, or on
 * one store only (`--store sqlite|postgres`). The load generator reports what it was asked to
 * offer, what it offered and how late its timers ran, beside what the servers took.
 *
 * Measured over a fixed window after a warm-up: from a change until every other member of its
 * document has it (p50, p95); the updates per second the servers took; each instance's RSS and
 * CPU; the store's write rate (updates and commits per second, from /metrics). The two-instance
 * run is judged against the one-instance run of the same invocation.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from '../../server/testing/team-process';
import { startRedis, type RedisProcess } from '../../server/testing/redis-process';
import { startPostgres, type PostgresProcess } from '../../server/testing/postgres-process';
import { parsePrometheusText } from '../../server/testing/prometheus-text';
import { inviteMember, inviteMemberNow } from '../../server/members';
import { PgStore } from '../../server/pg-store';
import { TeamStore } from '../../server/store';
import type { Go, LoadChildResult, LoadMember } from '../lib/load-members-child';
import { BENCH_ROOT } from '../lib/paths';
import { median, p95 } from '../lib/stats';
import { judge, type Row, type Scenario } from '../lib/types';

const P95_BUDGET_MS = 500;
const SCALE_BUDGET = 1.6;
const METRICS_TOKEN = 'bench-metrics';
const CHILDREN = 4;
const CHILD = path.join(BENCH_ROOT, 'lib', 'load-members-child.ts');

interface Shape {
  members: number;
  documents: number;
  /** One editor's interval between changes on one instance (halved on two). */
  editIntervalMs: number;
  warmupMs: number;
  windowMs: number;
}

interface InstanceFigures {
  rssMB: number;
  peakRssMB: number;
  cpuPercent: number;
  updates: number;
  stored: number;
  commits: number;
  persistP95Ms: number | null;
  /** Where an acknowledgement's time went (server/metrics.ts): from an update's arrival until its held messages left (p95, ms). */
  ackWaitP95Ms: number | null;
  compactionsPerS: number;
  compactionP95Ms: number | null;
  /** Seconds per second compactions waited for documents' locks held by the other instance. */
  lockWaitPerS: number;
  /** The instance's event-loop delay p99 over the window (ms): a starved server. */
  lagP99Ms: number;
}

/** Where a run keeps its documents: a fresh SQLite folder, or a fresh database of the bench's PostgreSQL. */
type StoreKind = 'sqlite' | 'postgres';

interface RunFigures {
  instances: number;
  store: StoreKind;
  /** Changes per second the editors were asked to make, made (offered), and the servers took. */
  due: number;
  offered: number;
  taken: number;
  /** The load generator: worst event-loop delay p99 of its processes (ms) and their CPU (% of one core, summed). */
  generatorLagMs: number;
  generatorCpuPercent: number;
  p50: number;
  p95: number;
  changes: number;
  incomplete: number;
  storedPerS: number;
  commitsPerS: number;
  perInstance: InstanceFigures[];
  docBytes: number;
  disconnects: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const docName = (d: number) => `series/0190a0b2-7c1d-7000-8000-${String(d).padStart(12, '0')}`;

function procFigures(pid: number): { cpuTicks: number; rssMB: number; peakRssMB: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { cpuTicks: Number(fields[11]) + Number(fields[12]), rssMB: kb('VmRSS'), peakRssMB: kb('VmHWM') };
}

async function scrape(s: ServerProcess) {
  const text = await (await fetch(`http://127.0.0.1:${s.port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const samples = parsePrometheusText(text);
  const get = (name: string, labels: Record<string, string> = {}) => samples.find((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v))?.value ?? 0;
  const histogram = (name: string) => samples.filter((x) => x.name === `${name}_bucket`).map((x) => ({ le: Number(x.labels.le), n: x.value }));
  return {
    updates: get('workbench_team_updates_total', { origin: 'member' }),
    stored: get('workbench_team_stored_updates_total'),
    commits: get('workbench_team_commits_total'),
    compactions: get('workbench_team_compactions_total'),
    lockWait: get('workbench_team_compaction_lock_wait_seconds'),
    // prom-client resets its event-loop histogram at each scrape: the second scrape covers the window.
    lagP99Ms: get('workbench_team_nodejs_eventloop_lag_p99_seconds') * 1000,
    buckets: histogram('workbench_team_persist_seconds'),
    ackWait: histogram('workbench_team_ack_wait_seconds'),
    compaction: histogram('workbench_team_compaction_seconds'),
    proc: procFigures(s.child.pid!),
  };
}

/** The smallest bucket bound holding 95% of the commits made between two scrapes (ms). */
function bucketP95(before: Array<{ le: number; n: number }>, after: Array<{ le: number; n: number }>): number | null {
  const deltas = after.map((b, i) => ({ le: b.le, n: b.n - (before[i]?.n ?? 0) }));
  const total = deltas.at(-1)?.n ?? 0;
  if (total === 0) return null;
  return (deltas.find((b) => b.n >= 0.95 * total)?.le ?? Infinity) * 1000;
}

function startChild(members: LoadMember[]): { child: ChildProcess; ready: Promise<void>; result: Promise<LoadChildResult> } {
  const child = fork(CHILD, [JSON.stringify(members)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let onReady!: () => void;
  let onResult!: (r: LoadChildResult) => void;
  let onFail!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => ((onReady = resolve), (onFail = reject)));
  const result = new Promise<LoadChildResult>((resolve, reject) => ((onResult = resolve), child.once('exit', (code) => reject(new Error(`a load child exited (${code}) before answering`)))));
  result.catch(() => undefined);
  child.on('message', (m: { ready?: true; result?: LoadChildResult }) => {
    if (m.ready) onReady();
    if (m.result) onResult(m.result);
  });
  child.once('exit', (code) => onFail(new Error(`a load child exited (${code}) before its members connected`)));
  return { child, ready, result };
}

let databases = 0;

/** A fresh store with the run's members; what `startServerProcess` takes (a folder or a URL), and their tokens. */
async function freshStore(work: string, kind: StoreKind, postgres: PostgresProcess | undefined, members: number, editors: number): Promise<{ target: string; tokens: string[] }> {
  const role = (i: number) => (i < editors ? 'series-manager' : 'reviewer');
  const tokens: string[] = [];
  if (kind === 'postgres') {
    const target = await postgres!.createDatabase(`load_${++databases}`);
    const store = await PgStore.open(target);
    try {
      for (let i = 0; i < members; i++) tokens.push((await inviteMember(store, { name: `Member ${i}`, role: role(i) })).token);
    } finally {
      await store.close();
    }
    return { target, tokens };
  }
  const target = path.join(work, `store-${++databases}`);
  fs.rmSync(target, { recursive: true, force: true });
  const store = new TeamStore(target);
  try {
    for (let i = 0; i < members; i++) tokens.push(inviteMemberNow(store, { name: `Member ${i}`, role: role(i) }));
  } finally {
    store.close();
  }
  return { target, tokens };
}

async function runOnce(work: string, shape: Shape, instances: number, kind: StoreKind, services: { redis: RedisProcess; postgres?: PostgresProcess }, log: (l: string) => void): Promise<RunFigures> {
  const editors = Math.round(shape.members / 10);
  const { target: dataDir, tokens } = await freshStore(work, kind, services.postgres, shape.members, editors);
  const redis = instances > 1 ? services.redis : undefined;
  const servers: ServerProcess[] = [];
  const children: ReturnType<typeof startChild>[] = [];
  try {
    for (let i = 0; i < instances; i++) servers.push(await startServerProcess(dataDir, ['--metrics-token', METRICS_TOKEN, '--max-connections-per-member', '2', ...(redis ? ['--redis', redis.url] : [])]));
    // Member i reads or edits document i % documents, on instance (i + round) % instances: the
    // editors alternate between instances, and each document's members sit on different ones.
    const members: LoadMember[] = tokens.map((token, i) => ({ index: i, token, doc: docName(i % shape.documents), url: servers[(i + Math.floor(i / shape.documents)) % instances].url, editor: i < editors }));
    for (let c = 0; c < CHILDREN; c++) children.push(startChild(members.filter((_, i) => i % CHILDREN === c)));
    const t0 = now();
    await Promise.all(children.map((c) => c.ready));
    log(`${instances} instance(s) on ${kind}: ${shape.members} members connected and synced in ${Math.round(now() - t0)} ms`);

    const interval = shape.editIntervalMs / instances;
    const startAt = now() + 300;
    const go: Go = { startAt, countFrom: startAt + shape.warmupMs, endAt: startAt + shape.warmupMs + shape.windowMs, editIntervalMs: interval };
    for (const c of children) c.child.send({ go });
    await sleep(go.countFrom - now());
    const before = await Promise.all(servers.map(scrape));
    await sleep(go.endAt - now());
    const after = await Promise.all(servers.map(scrape));
    const results = await Promise.all(children.map((c) => c.result));
    const seconds = shape.windowMs / 1000;

    // Each change: sent once, reached every other member of its document (spread over children).
    const perDoc = new Map<string, number>();
    for (const m of members) perDoc.set(m.doc, (perDoc.get(m.doc) ?? 0) + 1);
    const merged = new Map<string, [number, number]>();
    for (const r of results) {
      for (const [id, [last, reached]] of Object.entries(r.arrivals)) {
        const seen = merged.get(id);
        merged.set(id, seen ? [Math.max(seen[0], last), seen[1] + reached] : [last, reached]);
      }
    }
    const latencies: number[] = [];
    let incomplete = 0;
    for (const r of results) {
      for (const [id, sentAt] of Object.entries(r.sentAt)) {
        const editor = members[Number(id.split(':')[0])];
        const [last, reached] = merged.get(id) ?? [0, 0];
        if (reached < perDoc.get(editor.doc)! - 1) incomplete++;
        else latencies.push(last - sentAt);
      }
    }
    const sent = results.reduce((n, r) => n + r.sent, 0);
    const ticks = 100; // USER_HZ on Linux
    const perInstance = servers.map((_, i) => ({
      rssMB: after[i].proc.rssMB,
      peakRssMB: after[i].proc.peakRssMB,
      cpuPercent: ((after[i].proc.cpuTicks - before[i].proc.cpuTicks) / ticks / seconds) * 100,
      updates: (after[i].updates - before[i].updates) / seconds,
      stored: (after[i].stored - before[i].stored) / seconds,
      commits: (after[i].commits - before[i].commits) / seconds,
      persistP95Ms: bucketP95(before[i].buckets, after[i].buckets),
      ackWaitP95Ms: bucketP95(before[i].ackWait, after[i].ackWait),
      compactionsPerS: (after[i].compactions - before[i].compactions) / seconds,
      compactionP95Ms: bucketP95(before[i].compaction, after[i].compaction),
      lockWaitPerS: (after[i].lockWait - before[i].lockWait) / seconds,
      lagP99Ms: after[i].lagP99Ms,
    }));
    return {
      instances,
      store: kind,
      due: results.reduce((n, r) => n + r.due, 0) / seconds,
      generatorLagMs: Math.max(...results.map((r) => r.lagP99Ms)),
      generatorCpuPercent: results.reduce((n, r) => n + (r.cpuMs / r.cpuSpanMs) * 100, 0),
      offered: sent / seconds,
      taken: perInstance.reduce((n, x) => n + x.updates, 0),
      p50: median(latencies),
      p95: p95(latencies),
      changes: latencies.length,
      incomplete,
      storedPerS: perInstance.reduce((n, x) => n + x.stored, 0),
      commitsPerS: perInstance.reduce((n, x) => n + x.commits, 0),
      perInstance,
      docBytes: Math.max(0, ...results.flatMap((r) => r.docBytes)),
      disconnects: results.reduce((n, r) => n + r.disconnects, 0),
    };
  } finally {
    for (const c of children) c.child.connected ? c.child.send({ stop: true }) : c.child.kill();
    await Promise.all(children.map((c) => (c.child.exitCode === null ? new Promise((r) => c.child.once('exit', r)) : undefined)));
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
  }
}

function describeRun(r: RunFigures): string {
  const each = r.perInstance.map((x, i) => `#${i + 1} RSS ${Math.round(x.rssMB)} MB (peak ${Math.round(x.peakRssMB)}), CPU ${Math.round(x.cpuPercent)}%, ${Math.round(x.updates)} updates/s in, store ${Math.round(x.stored)} updates/s in ${Math.round(x.commits)} commits/s, commit p95 <= ${x.persistP95Ms ?? '–'} ms, ack wait p95 <= ${x.ackWaitP95Ms ?? '–'} ms, ${x.compactionsPerS.toFixed(1)} compactions/s (p95 <= ${x.compactionP95Ms ?? '–'} ms, lock wait ${x.lockWaitPerS.toFixed(2)} s/s), event-loop delay p99 ${Math.round(x.lagP99Ms)} ms`).join('; ');
  return (
    `${r.instances} instance(s) on ${r.store}: asked ${Math.round(r.due)} changes/s, offered ${Math.round(r.offered)}, taken ${Math.round(r.taken)} updates/s` +
    ` (load generator: event-loop delay p99 ${r.generatorLagMs.toFixed(0)} ms, CPU ${Math.round(r.generatorCpuPercent)}% of a core over ${CHILDREN} processes); ` +
    `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms over ${r.changes} changes (${r.incomplete} did not reach every member in time); ${each}; document state ${r.docBytes} bytes; ${r.disconnects} disconnects`
  );
}

/** Whether the generator made what it was asked to (a starved generator measures itself, not the server). */
const generatorKeptUp = (r: RunFigures) => r.offered >= 0.9 * r.due;

/**
 * Which stores to run on: `--store sqlite` (one instance vs two on one SQLite file: a poor
 * deployment, kept to show why), `--store postgres` (one vs two on PostgreSQL), or both (the
 * default): one instance on SQLite, then one and two on PostgreSQL, the budgets judged on PostgreSQL.
 */
function storeChoice(): 'sqlite' | 'postgres' | 'both' {
  const args = process.argv.slice(2);
  const at = args.indexOf('--store');
  const given = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--store='))?.slice('--store='.length);
  if (given === undefined) return 'both';
  if (given === 'sqlite' || given === 'postgres' || given === 'both') return given;
  throw new Error(`server-load: --store takes sqlite, postgres or both, not "${given}"`);
}

export const serverLoad: Scenario = {
  name: 'server-load',
  title: 'Team server: 500 members on 200 documents, one instance vs two through Redis',
  async run(ctx) {
    const full = ctx.sizes.name === 'full';
    const shape: Shape = full
      ? { members: 500, documents: 200, editIntervalMs: Number(process.env.BENCH_SERVER_LOAD_INTERVAL_MS ?? 500), warmupMs: 3_000, windowMs: 20_000 }
      : { members: 40, documents: 16, editIntervalMs: 500, warmupMs: 1_000, windowMs: 3_000 };
    const choice = storeChoice();
    const scaled: StoreKind = choice === 'sqlite' ? 'sqlite' : 'postgres';
    const work = path.join(ctx.data.dir, 'work', 'server-load');
    fs.mkdirSync(work, { recursive: true });
    const redis = await startRedis();
    // fsync on: commit time is part of what is measured.
    const postgres = choice === 'sqlite' ? undefined : await startPostgres({ fsync: true });
    const loads: string[] = [];
    const loadNow = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
    try {
      const runs: RunFigures[] = [];
      const run = async (instances: number, kind: StoreKind) => {
        loads.push(`${instances} on ${kind}: ${loadNow()}`);
        const r = await runOnce(work, shape, instances, kind, { redis, postgres }, ctx.log);
        ctx.log(describeRun(r));
        runs.push(r);
        return r;
      };
      const sqliteOne = choice === 'both' ? await run(1, 'sqlite') : undefined;
      const one = await run(1, scaled);
      const two = await run(2, scaled);
      const scale = two.taken / one.taken;
      // "At the same p95": two instances may not be slower than one by more than a fifth (or 50 ms).
      const sameP95 = two.p95 <= Math.max(one.p95 * 1.2, one.p95 + 50);
      const honest = generatorKeptUp(one) && generatorKeptUp(two);
      const generatorNote = (r: RunFigures) => `asked ${Math.round(r.due)}/s, offered ${Math.round(r.offered)}/s, taken ${Math.round(r.taken)}/s; generator delay p99 ${r.generatorLagMs.toFixed(0)} ms`;
      const rows: Row[] = [
        ...(sqliteOne
          ? [
              { name: 'one instance on SQLite, change to every member of its document, p50', unit: 'ms' as const, ours: sqliteOne.p50, baseline: null, baselineName: '–', budget: '–', pass: null },
              { name: 'one instance on SQLite, change to every member of its document, p95', unit: 'ms' as const, ours: sqliteOne.p95, baseline: null, baselineName: '–', budget: '–', pass: null, note: generatorNote(sqliteOne) },
            ]
          : []),
        { name: `one instance on ${scaled}, change to every member of its document, p50`, unit: 'ms', ours: one.p50, baseline: null, baselineName: '–', budget: '–', pass: null },
        { name: `one instance on ${scaled}, change to every member of its document, p95`, unit: 'ms', ours: one.p95, baseline: null, baselineName: '–', budget: '–', pass: null, note: generatorNote(one) },
        { name: `two instances + Redis on ${scaled}, change to every member, p50`, unit: 'ms', ours: two.p50, baseline: one.p50, baselineName: 'one instance at half the rate', budget: '–', pass: null },
        {
          name: `two instances + Redis on ${scaled}, change to every member, p95 (${shape.members} members)`,
          unit: 'ms',
          ours: two.p95,
          baseline: one.p95,
          baselineName: 'one instance at half the rate',
          budget: `< ${P95_BUDGET_MS} ms`,
          pass: judge(ctx, two.p95 < P95_BUDGET_MS && two.incomplete === 0),
          note: `${two.incomplete} of ${two.changes + two.incomplete} changes missed a member; ${generatorNote(two)}`,
        },
        {
          name: `updates/s sustained, two instances vs one (${scaled})`,
          unit: 'updates/s',
          ours: two.taken,
          baseline: one.taken,
          baselineName: 'one instance (no Redis)',
          budget: `>= ${SCALE_BUDGET}x one, same p95`,
          pass: judge(ctx, scale >= SCALE_BUDGET && sameP95),
          note: `${scale.toFixed(2)}x; p95 ${two.p95.toFixed(0)} vs ${one.p95.toFixed(0)} ms${honest ? '' : '; the load generator fell behind what it was asked (offered < 90% of asked): the ratio measures the generator as much as the servers'}`,
        },
        ...runs.flatMap((r) =>
          r.perInstance.map((x, i) => ({ name: `${r.instances} instance(s) on ${r.store}: instance ${i + 1} RSS`, unit: 'MB' as const, ours: x.rssMB, baseline: null, baselineName: '–', budget: '–', pass: null, note: `CPU ${Math.round(x.cpuPercent)}%` })),
        ),
        { name: `store write rate, two instances (${scaled})`, unit: 'updates/s', ours: two.storedPerS, baseline: one.storedPerS, baselineName: 'one instance', budget: '–', pass: null, note: `${Math.round(two.commitsPerS)} commits/s vs ${Math.round(one.commitsPerS)}` },
      ];
      return {
        status: 'ok',
        rows,
        notes: [
          ...runs.map(describeRun),
          `load average (1, 5, 15 min) at each run's start: ${loads.join('; ')}; at the end: ${loadNow()} (${os.cpus().length} cores, shared); members in ${CHILDREN} child processes; PostgreSQL 15 with fsync on, SQLite with synchronous=FULL`,
        ],
      };
    } finally {
      await postgres?.stop();
      await redis.stop();
    }
  },
};
