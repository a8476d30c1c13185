import { describe, expect, it } from 'vitest';
import type { Client, Transport } from './client';
import { createClient } from './client';
import { startEarly, takeAnswered, takeOrCall } from './early';

function countingClient() {
  const calls: string[] = [];
  const transport: Transport = async (method, input) => {
    calls.push(`${method} ${JSON.stringify(input)}`);
    return { ok: true, value: { call: calls.length } };
  };
  return { client: createClient(transport) as Client, calls };
}

describe('requests started while the window boots', () => {
  it('hands the early answer to the view that asks the same, once, without a second request', async () => {
    const { client, calls } = countingClient();
    const input = { trash: false, sort: 'updated' as const, limit: 101 };
    startEarly(client, 'posts.list', input, 1_000);
    expect(await takeOrCall(client, 'posts.list', { ...input }, 1_200)).toEqual({ call: 1 });
    expect(calls).toHaveLength(1);
    // Taken once: a later list (a reload, a filter) asks the server again.
    expect(await takeOrCall(client, 'posts.list', input, 1_300)).toEqual({ call: 2 });
    expect(calls).toHaveLength(2);
  });

  it('never answers a different request with it, nor a late one', async () => {
    const { client, calls } = countingClient();
    startEarly(client, 'posts.list', { trash: false, limit: 101 }, 0);
    await takeOrCall(client, 'posts.list', { trash: true, limit: 101 }, 10);
    expect(calls).toEqual(['posts.list {"trash":false,"limit":101}', 'posts.list {"trash":true,"limit":101}']);
    startEarly(client, 'posts.list', { trash: false, limit: 5 }, 0);
    expect(await takeOrCall(client, 'posts.list', { trash: false, limit: 5 }, 60_000)).toEqual({ call: 4 });
  });

  it('leaves a failure to the view that takes it, and none unhandled when nobody does', async () => {
    const failing = createClient(async () => ({ ok: false, error: { code: 'INTERNAL', message: 'down' } }));
    startEarly(failing, 'posts.list', { limit: 1 }, 0);
    await expect(takeOrCall(failing, 'posts.list', { limit: 1 }, 1)).rejects.toThrow('down');
    startEarly(failing, 'posts.list', { limit: 2 }, 0); // never taken: must not be an unhandled rejection
    await new Promise((r) => setTimeout(r, 10));
  });
});

describe('matching an early request', () => {
  it('does not depend on the order in which the two sides wrote the input', async () => {
    const transport: Transport = async () => ({ ok: true, value: 'once' });
    let calls = 0;
    const client = createClient(async (m, i) => (calls++, transport(m, i))) as Client;
    startEarly(client, 'planning.view', { from: '2026-11-30', to: '2027-01-03', filter: { seriesIds: [], statuses: [], authorIds: [], tags: [], ownerIds: [] }, tray: true }, 0);
    await takeOrCall(client, 'planning.view', { tray: true, filter: { ownerIds: [], tags: [], authorIds: [], statuses: [], seriesIds: [] }, to: '2027-01-03', from: '2026-11-30' }, 1);
    expect(calls).toBe(1);
  });
});

describe('an early answer already in when the view first renders', () => {
  it('is taken synchronously, once, and only when it has arrived and is fresh', async () => {
    const { client, calls } = countingClient();
    startEarly(client, 'posts.list', { limit: 3 }, 1_000);
    // Not in yet: nothing to take, and the request stays for takeOrCall.
    expect(takeAnswered('posts.list', { limit: 3 }, 1_001)).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(takeAnswered('posts.list', { limit: 3 }, 1_002)).toEqual({ value: { call: 1 } });
    expect(takeAnswered('posts.list', { limit: 3 }, 1_003)).toBeNull();
    expect(await takeOrCall(client, 'posts.list', { limit: 3 }, 1_004)).toEqual({ call: 2 });
    startEarly(client, 'posts.list', { limit: 4 }, 0);
    await new Promise((r) => setTimeout(r, 0));
    expect(takeAnswered('posts.list', { limit: 4 }, 60_000)).toBeNull();
    expect(calls).toHaveLength(3);
  });

  it('is never a failure: a failed early request is left to the view’s own call', async () => {
    const failing = createClient(async () => ({ ok: false, error: { code: 'INTERNAL', message: 'down' } }));
    startEarly(failing, 'posts.list', { limit: 9 }, 0);
    await new Promise((r) => setTimeout(r, 0));
    expect(takeAnswered('posts.list', { limit: 9 }, 1)).toBeNull();
    await expect(takeOrCall(failing, 'posts.list', { limit: 9 }, 2)).rejects.toThrow('down');
  });
});
