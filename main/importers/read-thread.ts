/**
 * Runs the reading half of an import (records.ts) in a worker thread, so parsing and sanitizing
 * run beside the SQLite writes instead of between them. Events arrive in file order and are
 * applied here, in the importing thread, synchronously per batch; the first error, from either
 * side, stops the worker and rejects, so the caller rolls back as for an error read in-thread.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../common/errors';
import { CancelledError } from './file-source';
import type { ImportEvent, ReadRequest } from './records';
import { ImportParseError } from './types';

export type ThreadMessage =
  | { type: 'events'; events: ImportEvent[]; bytesRead: number }
  | { type: 'done'; busyMs: number }
  | { type: 'error'; parse: boolean; code?: string; message: string; stack?: string };

/**
 * The worker's script: beside the bundle (dist/main/import-worker.cjs) when running bundled,
 * else the TypeScript source, loaded through tsx. Null when neither can run (then read in-thread).
 */
function workerScript(): { file: string; ts: boolean } | null {
  const here = import.meta.url;
  // A packaged app's code is inside app.asar, which worker threads are not known to load from: read in-thread there.
  if (here.includes('.asar/')) return null;
  if (here.endsWith('.ts')) return { file: fileURLToPath(new URL('./import-worker.ts', here)), ts: true };
  const file = fileURLToPath(new URL('./import-worker.cjs', here));
  return fs.existsSync(file) ? { file, ts: false } : null;
}

export const canReadInThread = (): boolean => workerScript() !== null;

/** Resolves with the worker's busy time in milliseconds (reading, parsing, sanitizing; not its waits). */
export function readInThread(req: ReadRequest, apply: (e: ImportEvent) => void, o: { onBytes: (n: number) => void; isCancelled?: () => boolean }): Promise<number> {
  const script = workerScript();
  if (!script) throw new Error('the import worker script is missing');
  const worker = script.ts
    ? // From source (tsx, vitest): register tsx in the worker, then load the TypeScript entry.
      new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL(`file://${script.file}`).href)}); })`, { eval: true, workerData: req })
    : new Worker(script.file, { workerData: req });
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const settle = (err?: unknown, busyMs = 0) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (err) reject(err);
      else resolve(busyMs);
    };
    worker.on('message', (m: ThreadMessage) => {
      if (settled) return;
      try {
        if (m.type === 'events') {
          if (o.isCancelled?.()) throw new CancelledError();
          for (const e of m.events) apply(e);
          o.onBytes(m.bytesRead);
          worker.postMessage('written');
        } else if (m.type === 'done') settle(undefined, m.busyMs);
        else settle(threadError(m));
      } catch (err) {
        settle(err);
      }
    });
    worker.on('error', (err) => settle(err));
    worker.on('exit', (code) => settle(new Error(`the import's reading thread stopped (exit code ${code}) before the end of the file`)));
  });
}

function threadError(m: Extract<ThreadMessage, { type: 'error' }>): Error {
  const err = m.parse ? new ImportParseError(m.message) : m.code ? new AppError(m.code as ErrorCode, m.message) : new Error(m.message);
  if (m.stack && !m.parse && !m.code) err.stack = m.stack;
  return err;
}
