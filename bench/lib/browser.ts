/**
 * Measuring in Chromium. Every timing is taken inside the page (performance.now / event
 * timestamps) so Playwright's round trips are not in the numbers.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { recordFirstMatch, type Match } from './first-match';

export const LEXICAL_ROOT = '[data-lexical-editor="true"][contenteditable="true"]';
export const PLAIN_ROOT = '[contenteditable="true"]';

/** A fresh context (no cache) and its page; with `match`, the page records when it first shows it (first-match.ts). */
export async function newPage(browser: Browser, match?: Match): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (match) await recordFirstMatch(context, match);
  const page = await context.newPage();
  return { context, page };
}

/**
 * Clicks the element (found in the page by `find`) and resolves with the milliseconds until the
 * frame in which the largest editor under `root` is editable and holds `marker` in its last block.
 */
export interface Target {
  /** A CSS selector, or the text of a link, button or row to click. */
  selector?: string;
  text?: string;
}

export async function timeToEditable(page: Page, target: Target, root: string, marker: string, timeoutMs = 30_000): Promise<number> {
  const t0 = await page.evaluate(({ selector, text }) => {
    let el: HTMLElement | null = null;
    if (selector) el = document.querySelector<HTMLElement>(selector);
    else {
      const candidates = Array.from(document.querySelectorAll<HTMLElement>('a, button, [role="link"], [role="button"], [role="row"], [role="option"]'));
      el = candidates.filter((c) => (c.textContent ?? '').includes(text!)).sort((a, b) => (a.textContent ?? '').length - (b.textContent ?? '').length)[0] ?? null;
    }
    if (!el) throw new Error(`nothing to click: ${selector ?? text}`);
    const t = performance.now();
    el.click();
    return t;
  }, target);
  const done = await page.waitForFunction(
    ({ root, marker }) => {
      const roots = Array.from(document.querySelectorAll(root));
      const r = roots.sort((a, b) => b.childElementCount - a.childElementCount)[0];
      const last = r?.lastElementChild;
      return last && (last.textContent ?? '').includes(marker) ? performance.now() : false;
    },
    { root, marker },
    { polling: 'raf', timeout: timeoutMs },
  );
  return ((await done.jsonValue()) as number) - t0;
}

/** Puts the caret at the end of a paragraph (the last one, or the first one past the middle) and centres it on screen. */
export async function placeCaret(page: Page, root: string, where: 'end' | 'middle'): Promise<number> {
  const index = await page.evaluate(
    ({ root, where }) => {
      const roots = Array.from(document.querySelectorAll<HTMLElement>(root));
      const r = roots.sort((a, b) => b.childElementCount - a.childElementCount)[0];
      const blocks = Array.from(r.children) as HTMLElement[];
      // (No named helper functions in here: the bundler's keepNames wrapper does not exist in the page.)
      const usable = blocks.map(
        (b) => b.tagName === 'P' && (b.textContent ?? '').length > 20 && !(b.lastElementChild as HTMLElement | null)?.matches('[contenteditable="false"]'),
      );
      let i = where === 'end' ? blocks.length - 1 : Math.floor(blocks.length / 2);
      if (where === 'end') while (i > 0 && !usable[i]) i--;
      else while (i < blocks.length - 1 && !usable[i]) i++;
      const target = blocks[i];
      r.focus();
      const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      while (walker.nextNode()) last = walker.currentNode as Text;
      const sel = window.getSelection()!;
      if (last) sel.collapse(last, last.length);
      else sel.collapse(target, target.childNodes.length);
      target.scrollIntoView({ block: 'center' });
      return i;
    },
    { root, where },
  );
  await page.waitForTimeout(200); // let the editor pick up selectionchange
  return index;
}

/** Records, for every keydown, the time from the event to the next paint (rAF, then a task after it). */
export async function installLatencyProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __latWait: (n: number) => Promise<void> };
    w.__lat = [];
    const waiters: { n: number; resolve: () => void }[] = [];
    w.__latWait = (n) => new Promise((resolve) => (w.__lat.length >= n ? resolve() : waiters.push({ n, resolve })));
    window.addEventListener(
      'keydown',
      (e) => {
        const start = e.timeStamp;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            w.__lat.push(performance.now() - start);
            for (let i = waiters.length - 1; i >= 0; i--) if (w.__lat.length >= waiters[i].n) waiters.splice(i, 1)[0].resolve();
          };
          ch.port2.postMessage(0);
        });
      },
      true,
    );
  });
}

export interface TypingPlan {
  text: string;
  /** Milliseconds to wait after each key (typing cadence), same plan for every page. */
  gaps: number[];
}

/** Types the plan's text key by key, each key after the previous one painted; returns the latencies. */
export async function typeMeasured(page: Page, plan: TypingPlan): Promise<number[]> {
  await installLatencyProbe(page);
  for (let i = 0; i < plan.text.length; i++) {
    await page.keyboard.type(plan.text[i]);
    await page.evaluate((n) => (window as unknown as { __latWait: (n: number) => Promise<void> }).__latWait(n), i + 1);
    if (plan.gaps[i] > 0) await page.waitForTimeout(plan.gaps[i]);
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.slice());
}

/** The block's text after typing, to prove the keys landed where intended. */
export function blockText(page: Page, root: string, index: number): Promise<string> {
  return page.evaluate(
    ({ root, index }) => {
      const roots = Array.from(document.querySelectorAll(root));
      const r = roots.sort((a, b) => b.childElementCount - a.childElementCount)[0];
      return r.children[index]?.textContent ?? '';
    },
    { root, index },
  );
}

/** BENCH_PROFILE_CSS: a style sheet added to the page, to see what a rule costs. Adopted, not a <style> tag: the app's content security policy refuses inline styles. */
export async function trialCss(page: Page): Promise<void> {
  if (!process.env.BENCH_PROFILE_CSS) return;
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, process.env.BENCH_PROFILE_CSS);
}
