/**
 * The review pane in Chromium: from the last keydown of a search term in the pane's search box,
 * or from a click on a status in the counts bar, to the frame in which the list shows the answer
 * (its listbox label carries the new total and a row is rendered). A search includes the pane's
 * typing debounce: that is what a user waits.
 */
import type { Browser, Page } from '@playwright/test';
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
      const shown = await listShows(page, total);
      return shown - (await page.evaluate(() => (window as unknown as { __lastKey: number }).__lastKey));
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

/** Waits, frame by frame, until the list's label says `total` and a row is rendered; resolves with performance.now() then. */
async function listShows(page: Page, total: number): Promise<number> {
  const label = `Comments, ${total.toLocaleString('en-GB')} shown`;
  const done = await page.waitForFunction(
    (label) => {
      const box = document.querySelector('[role="listbox"]');
      return box?.getAttribute('aria-label') === label && box.querySelector('[role="option"]') ? performance.now() : false;
    },
    label,
    { polling: 'raf', timeout: 15_000 },
  );
  return (await done.jsonValue()) as number;
}

/**
 * Status filters as a reviewer clicks them: each status on, then off again (back to all), for
 * `rounds` rounds. Each latency runs from the click to the frame showing that filter's list.
 */
export async function statusFilterLatencies(browser: Browser, appUrl: string, rounds: number): Promise<number[]> {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${appUrl}#/comments`);
    await page.locator('[role="listbox"][aria-label^="Comments,"]').waitFor({ timeout: 30_000 });
    const counts = page.getByRole('group', { name: 'Comments by status' });
    await counts.and(page.locator('[aria-busy="false"]')).waitFor();
    const number = async (s: string) => Number((await page.getByTestId(`count-${s}`).innerText()).replace(/,/g, ''));
    const all = await number('all');
    const click = (name: string) =>
      page.evaluate((name) => {
        const button = Array.from(document.querySelectorAll<HTMLButtonElement>('[aria-label="Comments by status"] button')).find((b) => b.textContent?.startsWith(name));
        if (!button) throw new Error(`no status button ${name}`);
        const t = performance.now();
        button.click();
        return t;
      }, name);
    const out: number[] = [];
    const statuses = [['approved', 'Approved'], ['pending', 'Pending'], ['spam', 'Spam'], ['trash', 'Trash']] as const;
    for (let round = -1; round < rounds; round++) {
      for (const [status, name] of statuses) {
        const n = await number(status);
        if (n === 0) continue;
        const on = await click(name);
        const shown = (await listShows(page, n)) - on;
        const off = await click(name);
        const back = (await listShows(page, all)) - off;
        // Round -1 warms up: the first filter of a fresh page also compiles its rendering code.
        if (round >= 0) out.push(shown, back);
        await page.waitForTimeout(100);
      }
    }
    return out;
  } finally {
    await context.close();
  }
}

/**
 * The first reply of a session: on a fresh pane, from pressing r on a comment without a reply
 * draft until the reply editor has the focus; and, as the baseline in the same pages, from
 * pressing j until the next comment's detail shows.
 */
export async function replyOpenLatencies(browser: Browser, appUrl: string, pages: number): Promise<{ reply: number[]; move: number[] }> {
  const reply: number[] = [];
  const move: number[] = [];
  for (let i = 0; i < pages; i++) {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${appUrl}#/comments`);
      await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1_000); // a reviewer reads the first comment before acting
      await page.locator('[role="listbox"]').focus();
      const offersReply = page.getByRole('button', { name: /Write a reply/ });
      for (let k = 0; k < 50 && !(await offersReply.isVisible()); k++) await page.keyboard.press('j');
      const timeKey = async (key: string, shown: string) => {
        await page.evaluate(() => window.addEventListener('keydown', (e) => ((window as unknown as { __key: number }).__key = e.timeStamp), { capture: true, once: true }));
        const before = await page.evaluate(() => document.querySelector('.comments-side article')?.textContent ?? '');
        await page.keyboard.press(key);
        const done = await page.waitForFunction(
          ({ shown, before }) => {
            const ok =
              shown === 'editor'
                ? !!(document.activeElement as HTMLElement | null)?.isContentEditable && !!document.activeElement?.closest('.comments-side')
                : (document.querySelector('.comments-side article')?.textContent ?? before) !== before;
            return ok ? performance.now() - (window as unknown as { __key: number }).__key : false;
          },
          { shown, before },
          { polling: 'raf', timeout: 10_000 },
        );
        return (await done.jsonValue()) as number;
      };
      reply.push(await timeKey('r', 'editor'));
      await page.keyboard.press('Escape'); // back to the list
      await page.waitForTimeout(300);
      move.push(await timeKey('j', 'detail'));
    } finally {
      await context.close();
    }
  }
  return { reply, move };
}
