// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type Transport } from '../api/client';
import { takeOrCall } from '../api/early';
import { startDraftRequestsOnNavigation } from './early-requests';

const nextHashChange = () => new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('opening a draft from inside the window', () => {
  it("asks for the draft as the address changes, before the views' own listeners run, and only for a draft", async () => {
    const calls: string[] = [];
    const transport: Transport = async (method, input) => {
      calls.push(`${method} ${JSON.stringify(input)}`);
      return { ok: true, value: { call: calls.length } };
    };
    const client = createClient(transport);
    stop = startDraftRequestsOnNavigation(client);
    // A listener added later (as React's router is) finds the requests already sent.
    const seenByLater: string[][] = [];
    window.addEventListener('hashchange', () => seenByLater.push([...calls]));

    window.location.hash = '#/drafts/d7';
    await nextHashChange();
    expect(seenByLater).toEqual([['posts.get {"id":"d7"}', 'workspace.status {}']]);
    expect(await takeOrCall(client, 'posts.get', { id: 'd7' })).toEqual({ call: 1 });

    for (const hash of ['#/drafts', '#/drafts/trash', '#/series/s1', '#/comments']) {
      window.location.hash = hash;
      await nextHashChange();
    }
    expect(calls).toHaveLength(2);
  });
});
