/**
 * Probes for the co-editing bench: a keystroke on window A until it shows on window B, and a Node client on the app's window stream that applies remote changes
 * (as a colleague's typing arrives through main).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * Keystroke on A until B's block `index` ends with what was typed: for each key, B's observer
 * stamps the wall clock (both pages share it) when the block's text shows the key.
 */
export async function keyToOtherWindow(a: Page, b: Page, root: string, index: number, text: string): Promise<number[]> {
  await b.evaluate(
    ({ root, index }) => {
      const roots = Array.from(document.querySelectorAll(root));
      const r = roots.sort((x, y) => y.childElementCount - x.childElementCount)[0]!;
      const w = window as unknown as { __want: string; __at: number };
      w.__want = '\u0000';
      w.__at = 0;
      new MutationObserver(() => {
        if (!w.__at && (r.children[index]?.textContent ?? '').endsWith(w.__want)) w.__at = Date.now();
      }).observe(r, { subtree: true, childList: true, characterData: true });
    },
    { root, index },
  );
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    await b.evaluate((want) => {
      const w = window as unknown as { __want: string; __at: number };
      w.__want = want;
      w.__at = 0;
    }, text.slice(0, i + 1));
    const t0 = Date.now();
    await a.keyboard.type(text[i]!);
    const at = (await (await b.waitForFunction(() => (window as unknown as { __at: number }).__at || 0, undefined, { timeout: 10_000, polling: 'raf' })).jsonValue()) as number;
    out.push(at - t0);
    await a.waitForTimeout(30);
  }
  return out;
}

/** A colleague's client on the app's window stream for a body, synced. */
export async function streamClient(appUrl: string, secret: string, name: string): Promise<{ doc: Y.Doc; close: () => void }> {
  const origin = new URL(appUrl).origin;
  class PageSocket extends WebSocket {
    constructor(u: string, protocols?: string | string[]) {
      super(u, protocols, { origin });
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `ws://${new URL(appUrl).host}/stream`, WebSocketPolyfill: PageSocket, maxAttempts: 1 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: secret });
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the stream client did not sync in 30 s')), 30_000);
    provider.on('synced', () => (clearTimeout(timer), resolve()));
  });
  return {
    doc,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/**
 * Applies `count` one-character insertions to the body's first paragraph, spread over `spanMs`
 * (Lexical's binding: a paragraph is an XmlText embedded in the root; text appended to it
 * extends its last text node). Resolves with how many were applied.
 */
export function remoteBurst(doc: Y.Doc, count: number, spanMs: number): { done: Promise<number>; stop: () => void } {
  const first = (doc.get('root', Y.XmlText).toDelta() as Array<{ insert: unknown }>).find((d) => d.insert instanceof Y.XmlText)?.insert as Y.XmlText | undefined;
  if (!first) throw new Error('the body has no paragraph to change');
  let n = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopper: () => void = () => undefined;
  const done = new Promise<number>((resolve) => {
    const every = Math.max(1, spanMs / count);
    timer = setInterval(() => {
      first.insert(first.length, 'x');
      if (++n >= count) {
        clearInterval(timer);
        resolve(n);
      }
    }, every);
    stopper = () => {
      clearInterval(timer);
      resolve(n);
    };
  });
  return { done, stop: () => stopper() };
}
