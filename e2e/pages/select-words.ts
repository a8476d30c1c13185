import type { Locator, Page } from '@playwright/test';

/** Selects `words` inside `box` as a person does with the mouse: press on the first letter, drag to the last. */
export async function selectWithMouse(page: Page, box: Locator, words: string): Promise<void> {
  const r = await box.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2 };
    }
    throw new Error(`"${w}" is not in the text`);
  }, words);
  await page.mouse.move(r.x0, r.y0);
  await page.mouse.down();
  await page.mouse.move((r.x0 + r.x1) / 2, r.y1, { steps: 4 });
  await page.mouse.move(r.x1, r.y1, { steps: 4 });
  await page.mouse.up();
}
