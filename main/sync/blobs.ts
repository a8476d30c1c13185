/**
 * A picture's bytes in the team workspace. They are addressed by their SHA-256, so the same picture
 * stored twice, or on two laptops, is one set of documents, and bytes are never written twice.
 * A picture may be 20 MB (db/repos/assets.ts) and the server closes a connection on a message over
 * its limit (16 MiB by default), so the bytes are cut into parts of 4 MiB, one document each
 * (`blob/<first 48 hex digits of the hash>-<n>`), and the index lists them so every member loads them.
 * The asset's row (name, type, hash, size) travels with its post; the row is made on another
 * laptop only once every part has arrived and the whole hashes to the row's SHA-256.
 */
import crypto from 'node:crypto';
import { LOCAL, type LocalDocs } from './local-docs';

export const BLOB_PART_BYTES = 4 * 1024 * 1024;

export function blobDocNames(sha256: string, size: number): string[] {
  const parts = Math.max(1, Math.ceil(size / BLOB_PART_BYTES));
  return Array.from({ length: parts }, (_, i) => `blob/${sha256.slice(0, 48)}-${i}`);
}

const bytesOf = (docs: LocalDocs, name: string) => docs.get(name).getMap<Uint8Array>('blob');

/** Writes the parts not yet in the workspace and lists them in the index. */
export function putBlob(docs: LocalDocs, sha256: string, data: Uint8Array): void {
  const names = blobDocNames(sha256, data.length);
  names.forEach((name, i) => {
    const map = bytesOf(docs, name);
    if (map.has('bytes')) return;
    map.doc!.transact(() => map.set('bytes', new Uint8Array(data.subarray(i * BLOB_PART_BYTES, (i + 1) * BLOB_PART_BYTES))), LOCAL);
  });
  const index = docs.get('index');
  const listed = index.getMap<number>('blobs');
  const missing = names.map((n) => n.slice('blob/'.length)).filter((k) => !listed.has(k));
  if (missing.length > 0) index.transact(() => missing.forEach((k) => listed.set(k, 1)), LOCAL);
}

/** The picture's bytes once every part is here and they hash right; null until then. */
export function readBlob(docs: LocalDocs, sha256: string, size: number): Buffer | null {
  const parts: Uint8Array[] = [];
  for (const name of blobDocNames(sha256, size)) {
    if (!docs.has(name)) return null;
    const part = bytesOf(docs, name).get('bytes');
    if (!part) return null;
    parts.push(part);
  }
  const data = Buffer.concat(parts);
  if (data.length !== size || crypto.createHash('sha256').update(data).digest('hex') !== sha256) return null;
  return data;
}
