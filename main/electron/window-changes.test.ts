/**
 * The desktop app's change events: main sends them on one IPC channel to its own window only while
 * it shows our page. Electron's own module is replaced by a small fake (the only mocks allowed);
 * the feed is the real one on a real store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ ipcMain: { handle: () => undefined } }));

import { forwardChanges } from './ipc';
import { ChangeFeed } from '../changes/change-feed';
import { closeContext, createContext } from '../context';
import { CHANGES_CHANNEL } from '../../common/transport';

function fakeContents(url: string) {
  const sent: [string, unknown][] = [];
  return { sent, destroyed: false, mainFrame: { url }, isDestroyed() { return this.destroyed; }, send(channel: string, payload: unknown) { sent.push([channel, payload]); } };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

describe('change events to the desktop window', () => {
  it('go to our window while it shows our page, and to no page it navigated to', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-window-changes-'));
    const ctx = createContext({ dbPath: path.join(dir, 'workbench.sqlite'), mode: 'electron' });
    cleanups.push(() => (closeContext(ctx), fs.rmSync(dir, { recursive: true, force: true })));
    const feed = new ChangeFeed(() => ctx.db, { coalesceMs: 5, minGapMs: 5, watchMs: 1000 });
    cleanups.push(() => feed.stop());
    const wc = fakeContents('workbench://app/index.html');
    const stop = forwardChanges(feed, () => wc as never);
    cleanups.push(stop);

    feed.note({ posts: ['p1'] });
    await vi.waitFor(() => expect(wc.sent).toHaveLength(1));
    expect(wc.sent[0]).toEqual([CHANGES_CHANNEL, { seq: 1, changes: { posts: ['p1'] } }]);

    wc.mainFrame.url = 'https://evil.example/';
    feed.note({ posts: ['p2'] });
    await new Promise((r) => setTimeout(r, 60));
    wc.mainFrame.url = 'workbench://app/index.html';
    wc.destroyed = true;
    feed.note({ posts: ['p3'] });
    await new Promise((r) => setTimeout(r, 60));
    expect(wc.sent).toHaveLength(1);

    stop();
    expect(feed.listening).toBe(0);
  });
});
