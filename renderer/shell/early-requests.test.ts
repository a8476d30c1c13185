import { describe, expect, it } from 'vitest';
import type { Client, Transport } from '../api/client';
import { createClient } from '../api/client';
import { takeOrCall } from '../api/early';
import { commentPageInput, FIRST_FILTER, FIRST_ORDER } from '../features/comments/comment-page-input';
import { DRAFTS_PAGE, NO_FILTERS, draftsListInput } from '../features/drafts/drafts-list-input';
import { parsePlanRoute, windowOf } from '../features/planning/plan-route';
import { todayLocal } from '../features/series/format';
import { startAreaRequests } from './early-requests';
import { AREAS } from './router';

function recordingClient() {
  const calls: string[] = [];
  const transport: Transport = async (method) => {
    calls.push(method);
    return { ok: true, value: { call: calls.length } };
  };
  return { client: createClient(transport) as Client, calls };
}

/** What each area's view asks for first when opened with no further address, built as the view builds it. */
async function firstRequestOfView(client: Client, area: string): Promise<unknown> {
  if (area === 'drafts') return takeOrCall(client, 'posts.list', draftsListInput(false, NO_FILTERS, DRAFTS_PAGE));
  if (area === 'series') return takeOrCall(client, 'series.list', { trash: false });
  if (area === 'for-you') return takeOrCall(client, 'notes.forYou', {});
  if (area === 'comments') return takeOrCall(client, 'comments.list', commentPageInput(FIRST_FILTER, FIRST_ORDER, 0, true));
  // Planning parses its address (it names no filters, so no schema check) and asks for the month with the tray.
  const route = parsePlanRoute([], todayLocal());
  const { from, to } = windowOf(route.view, route.date);
  return takeOrCall(client, 'planning.view', { from, to, filter: route.filter, tray: true });
}

describe('the first request of every area leaves while the window boots', () => {
  for (const { id } of AREAS)
    it(`${id}: the view is handed the boot-time answer and asks the server nothing more`, async () => {
      const { client, calls } = recordingClient();
      startAreaRequests(client, { area: id, rest: [] });
      expect(calls).toHaveLength(1);
      expect(await firstRequestOfView(client, id)).toEqual({ call: 1 });
      expect(calls).toHaveLength(1);
    });

  it('tells the boot module when a list\'s rows are in, and has nothing to wait for on a draft or the trash', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const client = createClient(() => new Promise((resolve) => (answer = (v) => resolve({ ok: true, value: v })))) as Client;
    const rows = startAreaRequests(client, { area: 'series', rest: [] });
    let settled = false;
    void rows?.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 0));
    expect([rows !== null, settled]).toEqual([true, false]);
    answer([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(true);
    // A failed request settles too: the view reports it, the shell need not wait longer.
    const failing = createClient(async () => ({ ok: false, error: { code: 'INTERNAL', message: 'down' } }));
    await expect(startAreaRequests(failing, { area: 'comments', rest: [] })).resolves.toBeUndefined();
    expect(startAreaRequests(client, { area: 'drafts', rest: ['d1'] })).toBeNull();
    expect(startAreaRequests(client, { area: 'drafts', rest: ['trash'] })).toBeNull();
  });

  it('asks nothing early for the trash, one series or a planning view', () => {
    const { client, calls } = recordingClient();
    startAreaRequests(client, { area: 'drafts', rest: ['trash'] });
    startAreaRequests(client, { area: 'series', rest: ['s1'] });
    startAreaRequests(client, { area: 'planning', rest: ['mywork'] });
    expect(calls).toEqual([]);
  });

  it("a draft's address: its post and the workspace status leave at once, and the draft view is handed both", async () => {
    const { client, calls } = recordingClient();
    startAreaRequests(client, { area: 'drafts', rest: ['d1'] });
    expect(calls).toEqual(['posts.get', 'workspace.status']);
    expect(await takeOrCall(client, 'posts.get', { id: 'd1' })).toEqual({ call: 1 });
    expect(await takeOrCall(client, 'workspace.status', {})).toEqual({ call: 2 });
    // Taken once: a reload asks afresh.
    expect(await takeOrCall(client, 'posts.get', { id: 'd1' })).toEqual({ call: 3 });
  });
});
