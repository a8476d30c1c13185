/**
 * The team server's log: one JSON object a line on stderr (stdout keeps only the "listening on"
 * line that scripts wait for). A log line names events, members by id and documents by name,
 * never document content, and never a credential: fields named like one are dropped, and a
 * member token or a URL's password that slips into a message is masked.
 */
import { format } from 'node:util';

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const SECRET_KEY = /token|authorization|password|secret|cookie/i;

/** Masks member tokens (wbt_…) and the user:password part of URLs. */
export function scrub(text: string): string {
  return text.replace(/wbt_[\w-]+/g, 'wbt_[redacted]').replace(/([a-z][\w+.-]*:\/\/)[^\s/@]*@/gi, '$1[redacted]@');
}

export function jsonLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const emit = (level: LogLevel, event: string, fields: LogFields = {}) => {
    const entry: Record<string, LogValue> = { time: new Date().toISOString(), level, event };
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined || SECRET_KEY.test(k)) continue;
      entry[k] = typeof v === 'string' ? scrub(v) : v;
    }
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/**
 * Routes what libraries print through console (Hocuspocus reports a refused hook, ioredis a lost
 * connection) into the log as `library` events, so that every line stays one JSON object.
 */
export function captureConsole(log: Logger): void {
  console.log = (...args: unknown[]) => log.info('library', { message: format(...args) });
  console.info = console.log;
  console.warn = (...args: unknown[]) => log.warn('library', { message: format(...args) });
  console.error = (...args: unknown[]) => log.error('library', { message: format(...args) });
}

/** The code at the head of a refusal ("invalid-token: …" → "invalid-token"), for logs and metrics. */
export function reasonCode(reason: string): string {
  return /^[a-z][a-z-]*(?=:)/.exec(reason)?.[0] ?? 'other';
}
