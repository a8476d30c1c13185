/**
 * The window's end of the live stream (main/sync/window-stream.ts): a Hocuspocus provider on the
 * page's own origin, authenticated with the per-launch secret the API calls carry. The same
 * endpoint serves the desktop app's window.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Provider } from '@lexical/yjs';
import * as Y from 'yjs';
import { STREAM_PATH } from '../../../common/transport';

export function streamUrl(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${STREAM_PATH}`;
}

/** Lexical listens for `sync` (a boolean), which Hocuspocus calls `synced` ({ state }). */
class StreamProvider extends HocuspocusProvider {
  constructor(configuration: ConstructorParameters<typeof HocuspocusProvider>[0]) {
    super(configuration);
    this.on('synced', ({ state }: { state: boolean }) => this.emit('sync', state));
  }
}

export interface BodyProvider {
  /** What Lexical's CollaborationPlugin drives (connect, disconnect, awareness). */
  lexical: Provider;
  hocuspocus: HocuspocusProvider;
}

/** Makes the window's Y.Doc for a body (registered in Lexical's doc map) and its provider. */
export function createBodyProvider(name: string, secret: string, docMap: Map<string, Y.Doc>): BodyProvider {
  let doc = docMap.get(name);
  if (!doc) {
    doc = new Y.Doc();
    docMap.set(name, doc);
  }
  const hocuspocus = new StreamProvider({ url: streamUrl(), name, document: doc, token: secret });
  return { lexical: hocuspocus as unknown as Provider, hocuspocus };
}
