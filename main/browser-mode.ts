/**
 * Starting browser mode: open the store, build the dispatch, serve the renderer on 127.0.0.1.
 * Used by `workbench serve`, by `npm start` where Electron is missing, and by the e2e tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeContext, createContext, type Ctx } from './context';
import { createDispatch } from './dispatch';
import { firstScreenGate } from './first-screen-gate';
import { handlers } from './handlers/index';
import { startServer, type RunningServer, type ServerOptions } from './http';
import { rendererDir as defaultRendererDir } from './app-root';
import { rawRoutes } from './raw-routes';
import { changeFeed } from './changes/change-feed';
import { eventsRoute } from './changes/events-route';
import { methodChanges } from './changes/method-changes';

export interface BrowserModeOptions {
  dbPath: string;
  port?: number;
  rendererDir?: string;
}

export interface BrowserMode extends RunningServer {
  ctx: Ctx;
  stop: () => Promise<void>;
}

export async function startBrowserMode(o: BrowserModeOptions): Promise<BrowserMode> {
  const dir = o.rendererDir ?? defaultRendererDir();
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`The renderer is not built (${dir}/index.html is missing). Run \`npm run build\` first.`);
  }
  const gate = firstScreenGate();
  const ctx = createContext({ dbPath: o.dbPath, mode: 'browser', backgroundAfter: gate.opened });
  const feed = changeFeed(ctx);
  const onWrite = (method: string, input: unknown) => feed.note(methodChanges(ctx.db, method, input));
  const dispatch = gate.track(createDispatch(handlers, ctx, { checkOutput: process.env.WORKBENCH_CHECK_OUTPUT === '1', onWrite }));
  // The window's live stream loads the sync engine on its first use only.
  let streamLoaded = false;
  const upgrade: ServerOptions['upgrade'] = (req, socket, head, secret) => {
    streamLoaded = true;
    import('./sync/window-bodies').then((m) => m.windowStream(ctx, secret).handleUpgrade(req, socket, head), () => socket.destroy());
  };
  const server = await startServer({ dispatch, rendererDir: dir, port: o.port, rawRoutes: [...rawRoutes(ctx), eventsRoute(feed)], upgrade });
  return {
    ...server,
    ctx,
    stop: async () => {
      if (streamLoaded) (await import('./sync/window-bodies')).closeWindowStream(ctx);
      feed.stop();
      await server.close();
      closeContext(ctx);
    },
  };
}
