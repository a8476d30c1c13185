// @vitest-environment jsdom
/**
 * The window's provider on a real Hocuspocus server over a real WebSocket: its caret moves go out
 * at most every so often, at the latest position, not one message per keystroke.
 */
import { Server } from '@hocuspocus/server';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBodyProvider } from './body-provider';

let server: Server | undefined;
afterEach(() => server?.destroy());

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

it("sends the window's caret at its latest position, not once per move", async () => {
  const name = 'body/0190a0b2-7c1d-7000-8000-000000000002';
  let heard = 0;
  let last: unknown = null;
  server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    onAwarenessUpdate: async ({ states }) => {
      heard++;
      last = states.find((s) => s.name === 'Ann')?.anchorPos ?? last;
    },
  });
  await server.listen();
  const made = createBodyProvider(name, 'secret', new Map<string, Y.Doc>(), `ws://127.0.0.1:${server.address.port}`);
  try {
    void made.lexical.connect();
    await until('the window synced', () => made.hocuspocus.synced);
    const awareness = made.hocuspocus.awareness!;
    awareness.setLocalState({ name: 'Ann', anchorPos: 0 });
    await until('her caret reached the server', () => last === 0);
    const before = heard;
    // Thirty keystrokes' caret moves, as Lexical's binding sets them.
    for (let i = 1; i <= 30; i++) awareness.setLocalStateField('anchorPos', i);
    await until('her last position reached the server', () => last === 30);
    // Before: one message each, 30.
    expect(heard - before).toBeLessThanOrEqual(3);
  } finally {
    made.hocuspocus.destroy();
  }
});
