/**
 * The idle sweep on a real Hocuspocus: a document nobody has open and nobody changed for the idle
 * time leaves memory; one still in use, or changed within the idle time, stays.
 */
import { Hocuspocus } from '@hocuspocus/server';
import { afterEach, expect, it } from 'vitest';
import { sweepIdleDocuments } from './idle-documents';
import type { Logger } from './logging';

const stops: Array<() => unknown> = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function recordingLog(): Logger & { events: Array<{ event: string; document?: unknown }> } {
  const events: Array<{ event: string; document?: unknown }> = [];
  const note = (event: string, fields: Record<string, unknown> = {}) => void events.push({ event, document: fields.document });
  return { events, info: note, warn: note, error: note };
}

it('unloads a document nobody has open once it has been idle, and keeps one in use and one changed lately', async () => {
  // Its store fails, as when another instance held the Redis lock: Hocuspocus then keeps documents
  // nobody has open (the updates themselves are in the store already, through the group commit).
  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: 50,
    async onStoreDocument() {
      throw new Error('store skipped');
    },
  });
  const idle = await hocuspocus.createDocument('series/idle', new Request('http://localhost/'), 'sweep-test', { readOnly: false, isAuthenticated: true });
  idle.getMap('fields').set('title', 'left alone');
  const inUse = await hocuspocus.openDirectConnection('series/in-use');
  stops.push(() => inUse.disconnect());
  await inUse.transact((doc) => doc.getMap('fields').set('title', 'open'));
  const busy = await hocuspocus.createDocument('series/busy', new Request('http://localhost/'), 'sweep-test', { readOnly: false, isAuthenticated: true });
  expect([...hocuspocus.documents.keys()].sort()).toEqual(['series/busy', 'series/idle', 'series/in-use']);

  const log = recordingLog();
  const idleMs = 1500;
  stops.push(sweepIdleDocuments(hocuspocus, idleMs, log));
  // Keep changing `busy` (with no connection) across several sweeps.
  const until = Date.now() + idleMs * 2.5;
  while (Date.now() < until) {
    busy.getMap('fields').set('tick', Date.now());
    await sleep(100);
  }
  expect(hocuspocus.documents.has('series/idle')).toBe(false);
  expect(log.events).toContainEqual({ event: 'document.idle-unload', document: 'series/idle' });
  expect(hocuspocus.documents.has('series/in-use')).toBe(true);
  expect(hocuspocus.documents.has('series/busy')).toBe(true);
  expect(log.events.map((e) => e.document)).not.toContain('series/in-use');
  expect(log.events.map((e) => e.document)).not.toContain('series/busy');
  // Once its changes stop, `busy` goes too; the one in use still stays.
  await sleep(idleMs * 2.5);
  expect(hocuspocus.documents.has('series/busy')).toBe(false);
  expect(hocuspocus.documents.has('series/in-use')).toBe(true);
}, 30_000);
