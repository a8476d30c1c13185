/**
 * Artefacts several scenarios need, built at most once per run: the renderer and CLI bundles,
 * the baseline pages with their static server, and one Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config';
import type { BenchData } from '../generate/index';
import { buildCli, buildPage, buildRenderer } from './builds';
import { serveStatic, type StaticServer } from './static-server';
import { plainPageHtml } from './plain-page';

export class Shared {
  private cache = new Map<string, Promise<unknown>>();
  private closers: (() => Promise<void>)[] = [];

  constructor(
    readonly buildDir: string,
    private readonly log: (line: string) => void,
  ) {}

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as Promise<T>;
  }

  renderer(): Promise<string> {
    return this.once('renderer', async () => {
      const dir = path.join(this.buildDir, 'renderer');
      const t = performance.now();
      await buildRenderer(dir);
      this.log(`built the renderer into ${dir} (${Math.round(performance.now() - t)} ms)`);
      return dir;
    });
  }

  cli(): Promise<string> {
    return this.once('cli', async () => {
      const file = path.join(this.buildDir, 'main', 'cli.cjs');
      await buildCli(file);
      return file;
    });
  }

  /** Serves the bare Lexical page (/bare-lexical/), the plain page (/plain/) and the state (/state.json). */
  pages(data: BenchData): Promise<StaticServer> {
    return this.once('pages', async () => {
      const root = path.join(this.buildDir, 'pages');
      const t = performance.now();
      await buildPage('bare-lexical', path.join(root, 'bare-lexical'));
      fs.mkdirSync(path.join(root, 'plain'), { recursive: true });
      fs.writeFileSync(path.join(root, 'plain', 'index.html'), plainPageHtml(data.longDraft.state));
      fs.copyFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../pages/shared/page.css'), path.join(root, 'plain', 'page.css'));
      this.log(`built the baseline pages (${Math.round(performance.now() - t)} ms)`);
      const server = await serveStatic(root, { '/state.json': data.longDraft.json });
      this.closers.push(server.close);
      return server;
    });
  }

  browser(): Promise<Browser> {
    return this.once('browser', async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      this.closers.push(() => browser.close());
      return browser;
    });
  }

  async close(): Promise<void> {
    for (const close of this.closers.reverse()) await close().catch(() => {});
    this.closers = [];
    this.cache.clear();
  }
}
