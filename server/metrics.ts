/**
 * GET /metrics in the Prometheus text format (prom-client), guarded by a bearer token
 * (`--metrics-token` or WORKBENCH_METRICS_TOKEN): connections, documents loaded, updates taken
 * (a counter; Prometheus's rate() gives updates/s), how long a group commit takes to reach disk,
 * what the store wrote, and refusals by reason; plus prom-client's process figures (RSS, CPU).
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type { Extension, beforeHandleMessagePayload, onChangePayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CommitTimings } from './group-commit';

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export class ServerMetrics {
  readonly registry = new Registry();
  readonly updates: Counter<'origin'>;
  readonly refused: Counter<'reason'>;
  readonly commitSeconds: Histogram;
  readonly storedUpdates: Counter;
  readonly commits: Counter;
  readonly ackWaitSeconds: Histogram;
  readonly compactionSeconds: Histogram;
  readonly compactions: Counter;

  constructor(sources: { connections: () => number; documentsLoaded: () => number; lockWaitSeconds?: () => number }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'workbench_team_' });
    new Gauge({ name: 'workbench_team_connections', help: 'Open WebSocket connections (one per member app).', registers, collect() { this.set(sources.connections()); } });
    new Gauge({ name: 'workbench_team_documents_loaded', help: 'Documents held in memory.', registers, collect() { this.set(sources.documentsLoaded()); } });
    this.updates = new Counter({ name: 'workbench_team_updates_total', help: 'Document updates applied, by origin: member (a connection of this instance) or peer (another instance, through Redis).', labelNames: ['origin'], registers });
    this.refused = new Counter({ name: 'workbench_team_refused_total', help: 'Refused connections and writes, by reason.', labelNames: ['reason'], registers });
    this.commitSeconds = new Histogram({
      name: 'workbench_team_persist_seconds',
      help: 'Time for one group commit to reach disk (every update acknowledged after it waited for this).',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.storedUpdates = new Counter({ name: 'workbench_team_stored_updates_total', help: 'Updates written to the store.', registers });
    this.commits = new Counter({ name: 'workbench_team_commits_total', help: 'Group commits (one transaction and fsync each).', registers });
    // Where an acknowledgement's time goes: waiting for the commit before (ack wait minus persist),
    // the commit itself (persist), or compactions, which run apart and should not show in the first two.
    this.ackWaitSeconds = new Histogram({
      name: 'workbench_team_ack_wait_seconds',
      help: 'From the arrival of the first update of a group commit until the messages held for it went out (queueing behind the commit in flight, plus its own).',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.compactionSeconds = new Histogram({ name: 'workbench_team_compaction_seconds', help: 'Time for one transaction of compactions (apart from acknowledgements, under each document\'s lock).', buckets: LATENCY_BUCKETS, registers });
    new Gauge({
      name: 'workbench_team_compaction_lock_wait_seconds',
      help: "Seconds compactions waited, in total, for documents' locks (another instance compacting the same document).",
      registers,
      collect() {
        this.set(sources.lockWaitSeconds?.() ?? 0);
      },
    });
    this.compactions = new Counter({ name: 'workbench_team_compactions_total', help: 'Documents compacted (whole state stored, stored updates dropped).', registers });
    for (const origin of ['member', 'peer']) this.updates.inc({ origin }, 0);
  }

  /** Feeds the group commit's timings (server/group-commit.ts) into the histograms. */
  commitTimings(): CommitTimings {
    return {
      onCommit: (seconds, updates, ackWaitSeconds) => {
        this.commitSeconds.observe(seconds);
        this.ackWaitSeconds.observe(ackWaitSeconds);
        this.commits.inc();
        this.storedUpdates.inc(updates);
      },
      onCompaction: (seconds, documents) => {
        this.compactionSeconds.observe(seconds);
        this.compactions.inc(documents);
      },
    };
  }

  /** Counts updates by origin, and the writes a read-only connection sent (Hocuspocus refuses them). */
  extension(): Extension {
    const updates = this.updates;
    const refused = this.refused;
    return {
      async onChange({ transactionOrigin }: onChangePayload) {
        const source = (transactionOrigin as { source?: string } | undefined)?.source;
        if (source === 'connection') updates.inc({ origin: 'member' });
        else if (source === 'redis') updates.inc({ origin: 'peer' });
      },
      async beforeHandleMessage({ connection, update }: beforeHandleMessagePayload) {
        if (connection.readOnly && isYjsUpdate(update)) refused.inc({ reason: 'read-only' });
      },
    };
  }

  /** Answers GET /metrics: 404 when no token was set, 401 without the right one. */
  async serve(req: http.IncomingMessage, res: http.ServerResponse, token: string | undefined): Promise<void> {
    if (!token) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found: /metrics is off; start the server with --metrics-token or WORKBENCH_METRICS_TOKEN.\n');
      return;
    }
    const given = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!sameSecret(given, token)) {
      res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' });
      res.end('Unauthorized: /metrics needs "Authorization: Bearer <metrics token>".\n');
      return;
    }
    const body = await this.registry.metrics();
    res.writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' });
    res.end(body);
  }
}

/** Compares in constant time (hashes first, so lengths leak nothing either). */
function sameSecret(given: string, expected: string): boolean {
  const h = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(h(given), h(expected));
}

/** A Hocuspocus message carrying a Yjs update: document name, Sync (0), then update (2) or step 2 (1) with content. */
function isYjsUpdate(message: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(message);
    decoding.readVarString(d);
    if (decoding.readVarUint(d) !== 0) return false;
    return decoding.readVarUint(d) === 2;
  } catch {
    return false;
  }
}
