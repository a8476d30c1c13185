/**
 * The three surfaces the typing and open scenarios compare, each opened to an editable long
 * draft: the app in browser mode (drafts list -> choose the draft), the bare Lexical page and the
 * plain contenteditable page.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { LONG_DRAFT_TITLE } from '../generate/dataset';
import { END_MARKER } from '../generate/draft';
import { LEXICAL_ROOT, newPage, PLAIN_ROOT, timeToEditable } from '../lib/browser';

export type Surface = 'app' | 'bare' | 'plain';

export interface OpenedSurface {
  context: BrowserContext;
  page: Page;
  root: string;
  /** Milliseconds from the click that chose the draft to the editable editor holding all of it. */
  openMs: number | null;
}

/** Loads the drafts list and waits until the long draft is listed. */
export async function gotoDraftsList(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.waitForFunction(
    (title) => Array.from(document.querySelectorAll('a, button, [role="link"], [role="row"], [role="option"]')).some((el) => (el.textContent ?? '').includes(title)),
    LONG_DRAFT_TITLE,
    { timeout: 30_000 },
  );
}

/**
 * Waits as a person choosing from the page would: until the page has asked for nothing for half a
 * second and the browser has an idle moment. Nobody picks a draft in the frame the list appears;
 * the list and the bare page both preload what an open needs, and the open is timed from there.
 */
export async function untilIdle(page: Page): Promise<void> {
  // Not Playwright's 'networkidle': the app keeps its change stream open. Finished loads are
  // counted instead (a resource timing entry is written when a load ends). A string, since the
  // bundler's name wrappers for local functions do not exist in the page.
  await page.evaluate(`new Promise((resolve) => {
    let seen = -1;
    const check = () => {
      const now = performance.getEntriesByType('resource').length;
      if (now !== seen) { seen = now; setTimeout(check, 500); }
      else requestIdleCallback(() => resolve(), { timeout: 2000 });
    };
    check();
  })`);
}

/** `timeoutMs`: how long an open may take before the scenario fails (a co-edited open waits on the live stream). */
export async function openSurface(browser: Browser, surface: Surface, urls: { app: string; pages: string }, timeoutMs?: number): Promise<OpenedSurface> {
  const { context, page } = await newPage(browser);
  try {
    if (surface === 'app') {
      await gotoDraftsList(page, urls.app);
      await untilIdle(page);
      const openMs = await timeToEditable(page, { text: LONG_DRAFT_TITLE }, LEXICAL_ROOT, END_MARKER, timeoutMs);
      return { context, page, root: LEXICAL_ROOT, openMs };
    }
    if (surface === 'bare') {
      await page.goto(`${urls.pages}bare-lexical/`);
      await page.waitForSelector('#open');
      await untilIdle(page);
      const openMs = await timeToEditable(page, { selector: '#open' }, LEXICAL_ROOT, END_MARKER);
      return { context, page, root: LEXICAL_ROOT, openMs };
    }
    await page.goto(`${urls.pages}plain/`);
    await page.waitForSelector(PLAIN_ROOT);
    return { context, page, root: PLAIN_ROOT, openMs: null };
  } catch (err) {
    await context.close();
    throw err;
  }
}
