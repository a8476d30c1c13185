/**
 * Scrolling the review pane over every comment, in Chromium:
 * - jumps: the scroll position set to random places across the whole list (a drag of the
 *   scrollbar), timed to the frame in which every row in view shows its comment (not the
 *   "Loading…" placeholder). That includes fetching the window: what a reviewer waits for.
 * - wheel: 120 wheel steps down the list, each frame's interval recorded; the baseline is the
 *   same wheel over a plain page of 2,000 static rows of the same height (no script at all).
 */
import type { Browser, Page } from '@playwright/test';
import { newPage } from '../lib/browser';
import { startFrameLog, stopFrameLog } from '../lib/frames';

const LIST = '[role="listbox"][aria-label^="Comments,"]';
const WHEEL_STEPS = 120;
const WHEEL_DELTA = 300;

/**
 * The bench runs through tsx, whose transform wraps named inner functions in a `__name` helper
 * that exists in Node but not in the page; define it there before evaluating such functions.
 */
async function shimNames(page: Page): Promise<void> {
  await page.evaluate('window.__name = (f) => f');
}

async function wheelDown(page: Page, selector: string): Promise<number[]> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`nothing to scroll: ${selector}`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await startFrameLog(page);
  for (let i = 0; i < WHEEL_STEPS; i++) {
    await page.mouse.wheel(0, WHEEL_DELTA);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(300);
  return stopFrameLog(page);
}

export interface ScrollResult {
  jumps: number[];
  frames: number[];
  baselineFrames: number[];
  total: number;
}

export async function scrollReview(browser: Browser, appUrl: string, jumps: number, seed: number): Promise<ScrollResult> {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${appUrl}#/comments`);
    await shimNames(page);
    await page.locator(`${LIST} [role="option"]:not(.crow--loading)`).first().waitFor({ timeout: 30_000 });
    const total = await page.locator(LIST).evaluate((el) => Number(el.querySelector('[role="option"]')?.getAttribute('aria-setsize') ?? 0));
    const jumpTimes: number[] = [];
    let x = seed >>> 0 || 1;
    for (let i = 0; i < jumps; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const fraction = (x >>> 0) / 0xffffffff;
      const ms = await page.evaluate(
        ({ selector, fraction }) =>
          new Promise<number>((resolve, reject) => {
            const list = document.querySelector<HTMLElement>(selector)!;
            const t0 = performance.now();
            list.scrollTop = Math.floor(fraction * (list.scrollHeight - list.clientHeight));
            const deadline = t0 + 15_000;
            const check = () => {
              const r = list.getBoundingClientRect();
              const inView = Array.from(list.querySelectorAll<HTMLElement>('[role="option"]')).filter((o) => {
                const b = o.getBoundingClientRect();
                return b.bottom > r.top && b.top < r.bottom;
              });
              if (inView.length > 0 && inView.every((o) => !o.classList.contains('crow--loading'))) resolve(performance.now() - t0);
              else if (performance.now() > deadline) reject(new Error('rows never loaded after a jump'));
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
        { selector: LIST, fraction },
      );
      jumpTimes.push(ms);
    }
    await page.locator(LIST).evaluate((el) => (el.scrollTop = 0));
    const frames = await wheelDown(page, LIST);

    // The floor: the same wheel over 2,000 plain rows of the same height, no script.
    const rows = Array.from({ length: 2000 }, (_, i) => `<div class="r">Comment ${i + 1}: a reader's words about the post, two lines of them as in the pane.</div>`).join('');
    await page.setContent(
      `<!doctype html><html><head><style>.l{height:600px;overflow:auto}.r{height:92px;border-bottom:1px solid #ccc;font:16px sans-serif}</style></head><body><div class="l">${rows}</div></body></html>`,
    );
    await shimNames(page);
    const baselineFrames = await wheelDown(page, '.l');
    return { jumps: jumpTimes, frames, baselineFrames, total };
  } finally {
    await context.close();
  }
}
