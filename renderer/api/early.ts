/**
 * Requests started while the window boots, before the view that needs them has even downloaded:
 * on a cold open the area's first rows otherwise wait for the entry, then the area's chunk, then
 * its first render, and only then ask the server. The view takes the answer with `takeOrCall`;
 * an answer is taken once, and only soon after it was asked for, so nothing stale is ever shown.
 */
import type { Input, Method, Output } from '../../common/api';
import type { Client } from './client';

/** How long a boot-time answer stays usable: past the first screen, the view asks afresh. */
const FRESH_MS = 5_000;

interface Started {
  at: number;
  answer: Promise<unknown>;
  /** Set once the answer is in: a view rendering after that takes it in its first render. */
  value?: { v: unknown };
}

const started = new Map<string, Started>();
/** The request as text, its objects' keys sorted: the boot code and the view build inputs apart, in their own order. */
const keyOf = (method: string, input: unknown) =>
  `${method} ${JSON.stringify(input, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v))}`;

/** Starts the request; the promise returned settles (never rejects) once its answer or failure is in. */
export function startEarly<M extends Method>(client: Client, method: M, input: Input<M>, now = Date.now()): Promise<void> {
  const answer = client.call(method, input);
  const entry: Started = { at: now, answer };
  started.set(keyOf(method, input), entry);
  // Not taken means nobody waits on it: its failure is the view's own call's to report.
  return answer.then(
    (v) => void (entry.value = { v }),
    () => undefined,
  );
}

/**
 * The early answer to exactly this request if it is already in and fresh (taken, once), else
 * null and the request stays for takeOrCall. On a cold open the answer usually arrives before
 * the area's view first renders: the view starts with its rows instead of rendering "Loading…",
 * then an effect, a task and a second render (and a second layout) to show them.
 */
export function takeAnswered<M extends Method>(method: M, input: Input<M>, now = Date.now()): { value: Output<M> } | null {
  const key = keyOf(method, input);
  const early = started.get(key);
  if (!early?.value || now - early.at >= FRESH_MS) return null;
  started.delete(key);
  return { value: early.value.v as Output<M> };
}

/** The early answer to exactly this request if there is a fresh one (once), else a new call. */
export function takeOrCall<M extends Method>(client: Client, method: M, input: Input<M>, now = Date.now()): Promise<Output<M>> {
  const key = keyOf(method, input);
  const early = started.get(key);
  started.delete(key);
  if (early && now - early.at < FRESH_MS) return early.answer as Promise<Output<M>>;
  return client.call(method, input);
}
