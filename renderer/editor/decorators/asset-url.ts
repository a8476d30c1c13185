/**
 * Stored images reach the page as blob: URLs made from the API's bytes, so both transports
 * (Electron IPC and browser-mode HTTP) work the same and the CSP needs no extra origin.
 * Cached for the page's life: an asset's bytes never change.
 */
import type { Client } from '../../api/client';
import { assetIdOf } from '../../../common/editor/nodes';

const cache = new Map<string, Promise<string>>();

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function imageUrl(client: Client, src: string): Promise<string> {
  const id = assetIdOf(src);
  if (!id) return Promise.resolve(src.startsWith('data:image/') ? src : '');
  let url = cache.get(id);
  if (!url) {
    url = client.call('drafts.assetData', { id }).then((a) => URL.createObjectURL(new Blob([base64ToBytes(a.dataBase64)], { type: a.mime })));
    url.catch(() => cache.delete(id));
    cache.set(id, url);
  }
  return url;
}
