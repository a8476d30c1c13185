/**
 * The window's first module, the one script index.html names, with no React in it. A cold open
 * otherwise waits for React's entry to download, compile and run before it even asks for the
 * area's code and first rows; here both start as soon as the page is parsed, while the shell
 * (main.tsx, preloaded by index.html) is still on its way. The early answer is handed to the
 * area's view through api/early.ts, the area's chunk through the module map (area-modules.ts).
 */
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import { createClient, pickTransport } from './api/client';
import { listenForAreaKeys } from './shell/area-keys';
import { AREA_MODULES } from './shell/area-modules';
import { startAreaRequests, startDraftRequestsOnNavigation } from './shell/early-requests';
import { parseHash } from './shell/route';

/**
 * How long the shell, once its code is in, waits for the area's code and first rows: mounted with
 * them, the first frame shows the rows (one render, one layout); mounted without, the shell paints
 * empty and the rows follow a render or two and a frame later. A slow server or chunk costs no more.
 */
const WAIT_FOR_ROWS_MS = 250;

// First, so that Ctrl+3 pressed as the window appears opens Comments even before React's shell runs.
listenForAreaKeys();
const route = parseHash(window.location.hash);
const { transport, kind } = pickTransport();
const client = createClient(transport);
const rows = startAreaRequests(client, route);
startDraftRequestsOnNavigation(client);
// A failed load is the area view's to report: it loads the chunk again and says so in place.
const area = AREA_MODULES[route.area].load().catch(() => undefined);
const ready = Promise.all([area, rows]);

import('./main').then(
  async (app) => {
    await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, WAIT_FOR_ROWS_MS))]);
    app.mount(client, kind);
  },
  (e: unknown) => {
    const root = document.getElementById('root');
    if (!root) return;
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'pane error-text';
    message.textContent = `The window could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload to try again.`;
    root.replaceChildren(message);
  },
);
