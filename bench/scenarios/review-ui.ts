/**
 * The review pane in Chromium: from the last keydown of a search term in the pane's search box
 * to the frame in which the list shows that search's result (its listbox label carries the new
 * total and a row is rendered). Includes the pane's typing debounce: that is what a user waits.
 */
import type { Browser } from '@playwright/test';
import { newPage } from '../lib/browser';

async function apiTotal(url: string, secret: string, search: string): Promise<number> {
  const res = await fetch(new URL('api/comments.list', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-secret': secret },
    body: JSON.stringify({ filter: { search }, order: 'newest', limit: 1 }),
  });
  const r = (await res.json()) as { ok: boolean; value?: { total: number } };
  if (!r.ok || !r.value) throw new Error(`comments.list failed for "${search}"`);
  return r.value.total;
}

export async function searchLatencies(browser: Browser, appUrl: string, terms: string[]): Promise<number[]> {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${appUrl}#/comments`);
    const list = page.locator('[role="listbox"][aria-label^="Comments,"]');
    await list.waitFor({ timeout: 30_000 });
    const secret = await page.evaluate(() => document.querySelector('meta[name="workbench-secret"]')?.getAttribute('content') ?? '');
    const input = page.locator('form[role="search"] input[type="search"]');
    await page.evaluate(() => {
      const w = window as unknown as { __lastKey: number };
      window.addEventListener('keydown', (e) => (w.__lastKey = e.timeStamp), true);
    });
    /** Types one term; its latency, or null for a term that matches nothing (the empty state shows, not the list). */
    const once = async (term: string): Promise<number | null> => {
      const total = await apiTotal(appUrl, secret, term);
      if (total === 0) return null;
      await input.fill('');
      await page.waitForTimeout(400); // the cleared search settles (debounce + reload)
      await input.focus();
      await page.keyboard.type(term);
      const label = `Comments, ${total.toLocaleString('en-GB')} shown`;
      const done = await page.waitForFunction(
        (label) => {
          const box = document.querySelector('[role="listbox"]');
          if (box?.getAttribute('aria-label') !== label || !box.querySelector('[role="option"]')) return false;
          return performance.now() - (window as unknown as { __lastKey: number }).__lastKey;
        },
        label,
        { polling: 'raf', timeout: 15_000 },
      );
      return (await done.jsonValue()) as number;
    };
    // Warm-up, as the other scenarios do: the first search of a fresh page also compiles the
    // rendering code, which is a cost of opening the pane, not of searching.
    for (const term of terms) if ((await once(term)) !== null) break;
    const out: number[] = [];
    for (const term of terms) {
      const ms = await once(term);
      if (ms !== null) out.push(ms);
    }
    return out;
  } finally {
    await context.close();
  }
}
