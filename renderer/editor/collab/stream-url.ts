import { STREAM_PATH } from '../../../common/transport';

/** Browser mode's stream: on the page's own loopback server. */
export function streamUrl(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${STREAM_PATH}`;
}
