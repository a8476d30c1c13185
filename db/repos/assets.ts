/**
 * Images stored with a draft, as BLOBs in the same file as the text, so a draft and its
 * pictures are backed up, moved and restored together. Identical bytes on one post are stored once.
 */
import crypto from 'node:crypto';
import type { DB } from '../connection';
import { AppError } from '../../common/errors';
import { uuidv7 } from '../../common/ids';
import { nowIso } from '../clock';

export const MAX_ASSET_BYTES = 20 * 1024 * 1024;

/** Raster formats a browser shows and an exporter can copy as-is. SVG is refused: it can carry script. */
export const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

export interface AssetInfo {
  id: string;
  postId: string | null;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

interface AssetRow {
  id: string;
  post_id: string | null;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: string;
}

function toInfo(r: AssetRow): AssetInfo {
  return { id: r.id, postId: r.post_id, fileName: r.file_name, mime: r.mime, size: r.size, sha256: r.sha256, createdAt: r.created_at };
}

/** The image format the bytes really are (by signature), whatever the file name or the caller claims. */
export function sniffImageMime(data: Uint8Array): ImageMime | null {
  const starts = (...sig: number[]) => sig.every((b, i) => data[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38) && (data[4] === 0x37 || data[4] === 0x39) && data[5] === 0x61) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && data[8] === 0x57 && data[9] === 0x45 && data[10] === 0x42 && data[11] === 0x50) return 'image/webp';
  return null;
}

export interface SaveAssetArgs {
  postId: string;
  fileName: string;
  data: Uint8Array;
}

export function saveAsset(db: DB, a: SaveAssetArgs): AssetInfo {
  if (a.data.length === 0) throw new AppError('BAD_INPUT', `${a.fileName}: the file is empty; nothing was stored.`);
  if (a.data.length > MAX_ASSET_BYTES) {
    throw new AppError('BAD_INPUT', `${a.fileName}: ${(a.data.length / 1048576).toFixed(1)} MB is over the 20 MB limit for images; nothing was stored.`);
  }
  const mime = sniffImageMime(a.data);
  if (!mime) {
    throw new AppError('BAD_INPUT', `${a.fileName}: not a PNG, JPEG, GIF or WebP image (SVG and other formats are refused); nothing was stored.`);
  }
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM posts WHERE id = ? AND deleted_at IS NULL').get(a.postId)) {
      throw new AppError('NOT_FOUND', `No post with id ${a.postId}; the image was not stored.`);
    }
    const sha256 = crypto.createHash('sha256').update(a.data).digest('hex');
    const existing = db
      .prepare('SELECT id, post_id, file_name, mime, size, sha256, created_at FROM assets WHERE post_id = ? AND sha256 = ? AND deleted_at IS NULL')
      .get(a.postId, sha256) as AssetRow | undefined;
    if (existing) return toInfo(existing);
    const now = nowIso();
    const id = uuidv7();
    db.prepare(
      `INSERT INTO assets (id, created_at, updated_at, post_id, file_name, mime, sha256, size, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, now, now, a.postId, a.fileName.slice(0, 255), mime, sha256, a.data.length, Buffer.from(a.data));
    return { id, postId: a.postId, fileName: a.fileName.slice(0, 255), mime, size: a.data.length, sha256, createdAt: now };
  })();
}

export function getAssetData(db: DB, id: string): { info: AssetInfo; data: Buffer } {
  const row = db
    .prepare('SELECT id, post_id, file_name, mime, size, sha256, created_at, data FROM assets WHERE id = ? AND deleted_at IS NULL')
    .get(id) as (AssetRow & { data: Buffer }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No image with id ${id}.`);
  return { info: toInfo(row), data: row.data };
}

export function listAssets(db: DB, postId: string): AssetInfo[] {
  return (
    db
      .prepare('SELECT id, post_id, file_name, mime, size, sha256, created_at FROM assets WHERE post_id = ? AND deleted_at IS NULL ORDER BY created_at')
      .all(postId) as AssetRow[]
  ).map(toInfo);
}
