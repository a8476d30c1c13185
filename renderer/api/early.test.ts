import { describe, expect, it } from 'vitest';
import type { Client, Transport } from './client';
import { createClient } from './client';
import { startEarly, takeOrCall } from './early';

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
