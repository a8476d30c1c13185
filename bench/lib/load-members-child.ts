/**
 * Simulated members for the server-load scenario, many to a process: each is what an app holds
 * (its own WebSocket, a HocuspocusProvider, a Y.Doc) on one document. Driven over IPC: it
 * connects every member and says `ready`; on `go` the editors change their document at a steady
 * rate (a mark holding the change's send time), and every member notes when each change of its
 * document reached it. It answers with the latest arrival of each change seen here.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface LoadMember {
  index: number;
  doc: string;
  url: string;
  token: string;
  editor: boolean;
}

export interface Go {
  /** Editing starts then (ms since the epoch, fractional), after a warm-up the count starts. */
  startAt: number;
  countFrom: number;
  endAt: number;
  editIntervalMs: number;
}

export interface LoadChildResult {
  /** change id ("editor:seq") → [latest arrival among this process's members, members reached]. */
  arrivals: Record<string, [number, number]>;
  /** When each change counted (inside the window) was made, by the editors of this process. */
  sentAt: Record<string, number>;
  sent: number;
  /** Bytes of each edited document's state at the end (its size in the store, uncompressed). */
  docBytes: number[];
  disconnects: number;
  /** Changes the editors were due to make in the window (at the asked rate), against `sent`. */
  due: number;
  /** How late this process's timers and callbacks ran (event-loop delay, p99, ms): a starved generator. */
  lagP99Ms: number;
  /** CPU this process used from the window's start until it answered (ms), and that span (ms). */
  cpuMs: number;
  cpuSpanMs: number;
}

const now = () => performance.timeOrigin + performance.now();
const send = (m: unknown) => process.send!(m);

const members = JSON.parse(process.argv[2]) as LoadMember[];
let disconnects = 0;
const live = members.map((m) => {
  const socket = new HocuspocusProviderWebsocket({ url: m.url, WebSocketPolyfill: WebSocket, delay: 200, minDelay: 200, maxDelay: 2000, factor: 1.5, onDisconnect: () => void disconnects++ });
  const doc = new Y.Doc();
  let synced!: () => void;
  const ready = new Promise<void>((r) => (synced = r));
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: m.doc, document: doc, token: m.token, onSynced: () => synced() });
  provider.attach();
  return { m, socket, doc, provider, ready };
});

const arrivals: LoadChildResult['arrivals'] = {};
const sentAt: LoadChildResult['sentAt'] = {};
for (const l of live) {
  // Changes of one editor can reach a member merged into one update (Redis relays a diff), so the
  // member sees only the latest mark: holding change n means holding every change before it too.
  const lastSeen = new Map<string, number>();
  l.doc.getMap<{ seq: number; t: number }>('marks').observe((event) => {
    const t = now();
    for (const key of event.keysChanged) {
      const v = event.target.get(key) as { seq: number; t: number } | undefined;
      if (!v || key === `e${l.m.index}`) continue; // its own change
      for (let seq = (lastSeen.get(key) ?? -1) + 1; seq <= v.seq; seq++) {
        const id = `${key.slice(1)}:${seq}`;
        const seen = arrivals[id];
        arrivals[id] = seen ? [Math.max(seen[0], t), seen[1] + 1] : [t, 1];
      }
      lastSeen.set(key, Math.max(lastSeen.get(key) ?? -1, v.seq));
    }
  });
}

await Promise.all(live.map((l) => l.ready));
send({ ready: true });

process.on('message', async (msg: { go?: Go; stop?: true }) => {
  if (msg.go) {
    const go = msg.go;
    let sent = 0;
    const timers: NodeJS.Timeout[] = [];
    const lag = monitorEventLoopDelay({ resolution: 10 });
    let cpuAtStart: NodeJS.CpuUsage | undefined;
    let cpuFrom = 0;
    setTimeout(() => {
      lag.enable();
      cpuAtStart = process.cpuUsage();
      cpuFrom = now();
    }, Math.max(0, go.countFrom - now()));
    for (const l of live.filter((x) => x.m.editor)) {
      // A random phase, so that editors do not all fire in the same millisecond.
      const phase = Math.random() * go.editIntervalMs;
      let seq = 0;
      const edit = () => {
        const t = now();
        if (t >= go.endAt) return;
        if (t >= go.countFrom) sentAt[`${l.m.index}:${seq}`] = t;
        l.doc.getMap('marks').set(`e${l.m.index}`, { seq: seq++, t });
        if (t >= go.countFrom) sent++;
      };
      setTimeout(() => {
        edit();
        timers.push(setInterval(edit, go.editIntervalMs));
      }, Math.max(0, go.startAt - now()) + phase);
    }
    // Past the end, give late arrivals a moment, then answer.
    setTimeout(() => {
      for (const t of timers) clearInterval(t);
      lag.disable();
      const cpu = process.cpuUsage(cpuAtStart);
      const docBytes = live.filter((l) => l.m.editor).map((l) => Y.encodeStateAsUpdate(l.doc).length);
      const windowMs = go.endAt - go.countFrom;
      const due = live.filter((l) => l.m.editor).length * (windowMs / go.editIntervalMs);
      const result: LoadChildResult = { arrivals, sentAt, sent, docBytes, disconnects, due, lagP99Ms: lag.percentile(99) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000, cpuSpanMs: now() - cpuFrom };
      send({ result });
    }, go.endAt - now() + 3_000);
  }
  if (msg.stop) {
    for (const l of live) l.provider.destroy(), l.socket.destroy();
    process.exit(0);
  }
});
