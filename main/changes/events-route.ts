/**
 * Browser mode's push channel: GET /events answers with a text/event-stream that stays open and
 * carries one `data:` line of JSON per change event. It is a raw route, so http.ts refuses it
 * without the per-launch secret header, from another origin or another host, like the API. The
 * page reads it with fetch (which, unlike EventSource, can send that header).
 */
import type { RawRoute } from '../http';
import { EVENTS_PATH } from '../../common/transport';
import type { ChangeFeed } from './change-feed';

/** A comment line now and then, so a connection that died silently is noticed and dropped. */
const KEEPALIVE_MS = 20_000;

export function eventsRoute(feed: ChangeFeed): RawRoute {
  return {
    method: 'GET',
    prefix: EVENTS_PATH,
    handle(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Cross-Origin-Resource-Policy': 'same-origin',
      });
      res.write(': listening\n\n');
      const off = feed.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
      keepalive.unref();
      const end = () => {
        off();
        clearInterval(keepalive);
      };
      req.on('close', end);
      res.on('close', end);
    },
  };
}
