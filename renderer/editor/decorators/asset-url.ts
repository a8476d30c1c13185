/**
 * Stored images reach the page as blob: URLs made from the API's bytes, so both transports
 * (Electron IPC and browser-mode HTTP) work the same and the CSP needs no extra origin.
 * Cached for the page's life: an asset's bytes never change.
 */
import type { Client } from '../../api/client';
import { assetIdOf } from '../../../common/editor/nodes';

const cache = new Map<string, Promise<string>>();
/** The URLs already made, for a component to show at its first render. */
const made = new Map<string, string>();

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function imageUrl(client: Client, src: string): Promise<string> {
  const now = imageUrlNow(src);
  if (now !== null) return Promise.resolve(now);
  const id = assetIdOf(src)!;
  let url = cache.get(id);
  if (!url) {
    url = client.call('drafts.assetData', { id }).then((a) => {
      const objectUrl = URL.createObjectURL(new Blob([base64ToBytes(a.dataBase64)], { type: a.mime }));
      made.set(id, objectUrl);
      return objectUrl;
    });
    url.catch(() => cache.delete(id));
    cache.set(id, url);
  }
  return url;
}

/** The URL when it is known without waiting (a data: picture, or a stored one already fetched), else null. */
export function imageUrlNow(src: string): string | null {
  const id = assetIdOf(src);
  if (!id) return src.startsWith('data:image/') ? src : '';
  return made.get(id) ?? null;
}
