/**
 * Worker-thread entry (bundled to dist/main/import-worker.cjs): reads and sanitizes an import
 * file (records.ts) and posts its events to the importing thread in batches, one per chunk read,
 * waiting whenever BATCHES_AHEAD batches are not yet written, so memory stays flat however far
 * parsing could run ahead of SQLite.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readImportFile, type ImportEvent, type ReadRequest } from './records';
import { ImportParseError } from './types';
import type { ThreadMessage } from './read-thread';

const BATCHES_AHEAD = 16;
const port = parentPort!;
let events: ImportEvent[] = [];
let bytesRead = 0;
let ahead = 0;
let wake: (() => void) | null = null;
let waitedMs = 0;

port.on('message', (m: 'written') => {
  if (m !== 'written') return;
  ahead--;
  wake?.();
});

const send = (m: ThreadMessage) => port.postMessage(m);

async function flush(): Promise<void> {
  if (events.length) {
    send({ type: 'events', events, bytesRead });
    events = [];
    ahead++;
  }
  const t = performance.now();
  while (ahead >= BATCHES_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
  waitedMs += performance.now() - t;
}

async function main(): Promise<void> {
  const started = performance.now();
  try {
    await readImportFile(workerData as ReadRequest, (e) => events.push(e), { onChunk: (b) => (bytesRead = b), beforeChunk: flush });
    if (events.length) send({ type: 'events', events, bytesRead });
    send({ type: 'done', busyMs: performance.now() - started - waitedMs });
  } catch (err) {
    const e = err as Error & { code?: string };
    send({ type: 'error', parse: err instanceof ImportParseError, code: e.code, message: e.message, stack: e.stack });
  }
  port.close();
}

void main();
