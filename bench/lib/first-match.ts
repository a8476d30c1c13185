/**
 * When did the page first show something: recorded inside the page, from its very first script
 * on, so the time does not depend on when Playwright gets round to looking. (Polling from
 * Playwright starts only after a round trip and the injection of its helper script, which on a
 * busy machine came hundreds of milliseconds after the rows were on screen, and so measured the
 * tool: a static page with one list item "took" 1.5–2.9 s that way, against 0.15–0.8 s here.)
 */
import type { BrowserContext, Page } from '@playwright/test';

export interface Match {
  /** CSS selector of the element that must be in the document. */
  selector: string;
  /** If given, some element matching `selector` must also contain this text. */
  text?: string;
}

/**
 * Every page of the context records, as `window.__firstMatchAt`, the time (ms since navigation
 * start) just after the first frame in which `match` is in the document: a MutationObserver sees
 * it arrive, then a requestAnimationFrame and a task after it wait out that frame's rendering
 * (as the typing scenario's latency probe does).
 */
export async function recordFirstMatch(context: BrowserContext, match: Match): Promise<void> {
  await context.addInitScript(({ selector, text }) => {
    // (No named helper functions in here: tsx's keepNames wrapper does not exist in the page.)
    const w = window as unknown as { __firstMatchAt?: number };
    const observer = new MutationObserver(() => {
      if (w.__firstMatchAt !== undefined) return;
      const found =
        text === undefined
          ? document.querySelector(selector) !== null
          : (document.body?.textContent ?? '').includes(text) && Array.from(document.querySelectorAll(selector)).some((el) => (el.textContent ?? '').includes(text));
      if (!found) return;
      w.__firstMatchAt = 0;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__firstMatchAt = performance.now());
        channel.port2.postMessage(0);
      });
    });
    observer.observe(document, { childList: true, subtree: true, characterData: text !== undefined });
  }, match);
}

/** Waits for the page's recorded time (see recordFirstMatch): ms from navigation start. */
export async function firstMatchAt(page: Page, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __firstMatchAt?: number }).__firstMatchAt || false, undefined, { timeout: timeoutMs, polling: 50 });
  return (await handle.jsonValue()) as number;
}
