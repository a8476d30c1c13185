/**
 * The shared test fixture: each test gets its own browser-mode server on a fresh temp database,
 * and `page` opened at it.
 */
import { test as base, expect } from '@playwright/test';
import { fetchSecret, startServer, type ServerProcess } from './server';

export interface WorkbenchFixtures {
  server: ServerProcess;
  secret: string;
}

export const test = base.extend<WorkbenchFixtures>({
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
  secret: async ({ server }, use) => {
    await use(await fetchSecret(server.url));
  },
  page: async ({ page, server }, use) => {
    // Nothing in the app may reach beyond its own origin.
    const origin = new URL(server.url).origin;
    await page.route(
      (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
      (route) => route.abort(),
    );
    await page.goto(server.url);
    await use(page);
  },
});

export { expect };
