/** Animation-frame intervals recorded in a page, for the scroll and co-editing benches. */
import type { Page } from '@playwright/test';

/** Records every animation frame's interval until stopped; returns the intervals. */
export async function startFrameLog(page: Page): Promise<void> {
  // tsx wraps the named `tick` below in a `__name` helper the page lacks.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __frameRun: boolean };
    w.__frames = [];
    w.__frameRun = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__frameRun) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export async function stopFrameLog(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __frameRun: boolean };
    w.__frameRun = false;
    return w.__frames.slice(1);
  });
}
