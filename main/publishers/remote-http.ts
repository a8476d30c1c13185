/**
 * HTTP to a CMS: one request with a timeout, retried with backoff when the network drops, the
 * request times out, or the server answers 429 or 5xx; every failure becomes a RemoteError whose
 * message says what happened in plain words and what to do. Each exchange is reported to a log
 * callback without credentials (the Authorization header is never passed on).
 */
import { AppError } from '../../common/errors';

export type RemoteFailure =
  | 'unreachable'
  | 'timeout'
  | 'tls'
  | 'not-cms'
  | 'rest-disabled'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'bad-answer';

/** A remote step that failed; `kind` lets callers and tests tell failures apart without parsing text. */
export class RemoteError extends AppError {
  /** From a 429's Retry-After: the least wait before the next attempt. */
  retryAfterMs = 0;
  constructor(readonly kind: RemoteFailure, message: string, readonly status: number | null = null, readonly remoteCode: string | null = null) {
    super('REMOTE_FAILED', message, { kind, status, remoteCode });
  }
}

export interface LogEntry {
  method: string;
  /** The URL without credentials (none are ever put in URLs). */
  url: string;
  status: number | null;
  /** What was sent and what came back, shortened. */
  sent: string;
  received: string;
  ms: number;
}

export interface HttpOptions {
  timeoutMs: number;
  /** Further attempts after the first, for the failures worth retrying. */
  retries: number;
  /** First backoff delay; doubled each attempt (429's Retry-After wins when longer). */
  backoffMs: number;
  log?: (e: LogEntry) => void;
  headers?: Record<string, string>;
}

export const DEFAULT_HTTP: HttpOptions = { timeoutMs: 30_000, retries: 4, backoffMs: 500 };

export interface RemoteResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when the answer was JSON, else undefined. */
  json: unknown;
}

export interface RemoteRequest {
  method?: string;
  url: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  /** Statuses the caller handles itself (no error thrown, no retry). */
  accept?: number[];
  /** Follow redirects (discovery only; API calls must not be redirected silently). */
  follow?: boolean;
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function host(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}

/** Turns what fetch threw into a RemoteError: TLS, timeout or unreachable. */
export function networkError(err: unknown, url: string, timeoutMs: number): RemoteError {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? '';
  const detail = `${code} ${e.cause?.message ?? ''} ${e.message ?? ''}`;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new RemoteError('timeout', `${host(url)} did not answer within ${Math.round(timeoutMs / 1000)} s. Check the site is up, then try again.`);
  }
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(detail)) {
    return new RemoteError('tls', `The secure connection to ${host(url)} failed (${code || 'TLS error'}): its certificate is not trusted or does not match. Check the address, or ask the site's host to fix the certificate.`);
  }
  return new RemoteError('unreachable', `${host(url)} cannot be reached (${code || e.cause?.message || e.message || 'network error'}). Check the address and your network connection.`);
}

function shorten(s: string, n = 600): string {
  return s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s;
}

function describeBody(body: RemoteRequest['body']): string {
  if (body === undefined) return '';
  if (typeof body === 'string') return shorten(body);
  return `(${body.byteLength} bytes)`;
}

function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

export async function request(req: RemoteRequest, o: HttpOptions): Promise<RemoteResponse> {
  const method = req.method ?? 'GET';
  let last: RemoteError | null = null;
  for (let attempt = 0; attempt <= o.retries; attempt++) {
    if (attempt > 0) await sleep(backoff(o.backoffMs, attempt, last));
    const started = Date.now();
    let res: Response;
    try {
      res = await fetch(req.url, {
        method,
        body: req.body as BodyInit | undefined,
        headers: { ...o.headers, ...req.headers },
        redirect: req.follow ? 'follow' : 'manual',
        signal: AbortSignal.timeout(o.timeoutMs),
      });
    } catch (err) {
      last = networkError(err, req.url, o.timeoutMs);
      o.log?.({ method, url: req.url, status: null, sent: describeBody(req.body), received: last.message, ms: Date.now() - started });
      if (last.kind === 'tls') throw last; // a certificate does not fix itself between attempts
      continue;
    }
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') ? safeJson(text) : undefined;
    o.log?.({ method, url: req.url, status: res.status, sent: describeBody(req.body), received: shorten(text, 300), ms: Date.now() - started });
    const out = { status: res.status, headers: res.headers, text, json };
    if (req.accept?.includes(res.status) || (res.status >= 200 && res.status < 300)) return out;
    last = statusError(out, req.url);
    if (!retryable(res.status)) throw last;
    last.retryAfterMs = retryAfter(res.headers);
  }
  throw last!;
}

function backoff(base: number, attempt: number, last: RemoteError | null): number {
  const exp = base * 2 ** (attempt - 1);
  const jitter = exp * 0.2 * Math.random();
  return Math.max(exp + jitter, last?.retryAfterMs ?? 0);
}

function retryAfter(h: Headers): number {
  const v = Number(h.get('retry-after'));
  return Number.isFinite(v) && v > 0 ? Math.min(v, 60) * 1000 : 0;
}

function safeJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return undefined; }
}

/** The remote's own error code and message (WordPress: { code, message, data: { status } }). */
export function remoteErrorOf(json: unknown): { code: string; message: string } | null {
  if (typeof json !== 'object' || json === null) return null;
  const j = json as { code?: unknown; message?: unknown };
  return typeof j.code === 'string' ? { code: j.code, message: typeof j.message === 'string' ? j.message : '' } : null;
}

export function statusError(r: RemoteResponse, url: string): RemoteError {
  const remote = remoteErrorOf(r.json);
  const said = remote ? ` WordPress said: "${remote.message.replace(/<[^>]*>/g, '')}" (${remote.code}).` : '';
  const where = host(url);
  if (r.status === 401) return new RemoteError('unauthorized', `${where} refused the user name or application password (401).${said} Check both; the login password does not work here, only an application password (Users → Profile → Application Passwords).`, 401, remote?.code ?? null);
  if (r.status === 403) return new RemoteError('forbidden', `${where} refused the request (403): the connected user lacks the rights for it.${said}`, 403, remote?.code ?? null);
  if (r.status === 404) return new RemoteError('not-found', `${where} has no such item (404).${said}`, 404, remote?.code ?? null);
  if (r.status === 409) return new RemoteError('conflict', `${where} refused a duplicate (409).${said}`, 409, remote?.code ?? null);
  if (r.status === 429) return new RemoteError('rate-limited', `${where} asked us to slow down (429) and kept refusing after several tries. Wait a few minutes, then run it again: finished steps are not repeated.`, 429);
  if (r.status >= 500) return new RemoteError('server', `${where} failed with a server error (${r.status}) after several tries.${said} Try again later: finished steps are not repeated.`, r.status, remote?.code ?? null);
  return new RemoteError('bad-answer', `${where} answered ${r.status} where a success was expected.${said}`, r.status, remote?.code ?? null);
}
