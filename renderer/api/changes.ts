/**
 * The change events main pushes (common/changes.ts), for the views to re-read what changed instead
 * of asking on a timer. In the desktop app they come through the preload's onChanges; in browser
 * mode from GET /events, a text/event-stream read with fetch so that it carries the per-launch
 * secret like every API call. Every payload is parsed with zod whichever way it came. After the
 * stream breaks and comes back, events may have been missed, so listeners are told "everything".
 * The schema (and zod with it) loads after the first screen; the channel opens once it is in.
 */
import { EVERYTHING, type Changes } from '../../common/changes';
import { EVENTS_PATH, SECRET_HEADER } from '../../common/transport';
import { secretFromPage } from './client';

export type ChangesListener = (changes: Changes) => void;

interface ChangesBridge {
  onChanges?: (listener: (payload: unknown) => void) => () => void;
}

const listeners = new Set<ChangesListener>();
let started = false;

type Schema = (typeof import('../../common/changes-schema'))['changeEventSchema'];

function deliver(schema: Schema, payload: unknown): void {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return;
  tell(parsed.data.changes);
}

function tell(changes: Changes): void {
  for (const l of [...listeners]) l(changes);
}

/** Reads one event stream until it ends; resolves when it does (or could not start). */
async function readStream(schema: Schema, secret: string, onOpen: () => void): Promise<void> {
  const res = await fetch(EVENTS_PATH, { headers: { [SECRET_HEADER]: secret }, cache: 'no-store' });
  if (!res.ok || !res.body) return;
  onOpen();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (!data) continue;
      try {
        deliver(schema, JSON.parse(data));
      } catch {
        // Not JSON: not ours to act on.
      }
    }
  }
}

/** Browser mode: keeps one stream open for the page's life, reconnecting with a growing pause. */
async function streamForever(schema: Schema, secret: string): Promise<void> {
  let pause = 250;
  let opened = false;
  for (;;) {
    try {
      await readStream(schema, secret, () => {
        if (opened) tell(EVERYTHING);
        opened = true;
        pause = 250;
      });
    } catch {
      // The server went away (stopped, restarting); try again.
    }
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(pause * 2, 5000);
  }
}

async function start(): Promise<void> {
  if (started) return;
  started = true;
  const { changeEventSchema: schema } = await import('../../common/changes-schema');
  const bridge = (window as unknown as { workbench?: ChangesBridge }).workbench;
  if (bridge?.onChanges) bridge.onChanges((payload) => deliver(schema, payload));
  else void streamForever(schema, secretFromPage());
}

/** Listens to the change events (the channel opens on the first listener); returns the way to stop. */
export function onChanges(listener: ChangesListener): () => void {
  listeners.add(listener);
  void start();
  return () => void listeners.delete(listener);
}
