/**
 * The pictures a body refers to (`asset:<id>`), exported either as data: URLs inside the page or
 * as files in an assets/ folder beside it with relative links. File names are derived from the
 * asset id, so exporting twice writes the same names.
 */
import type { DB } from '../../db/connection';
import { assetsByIds, type AssetBytes } from '../../db/repos/publish-source';

export type AssetMode = 'inline' | 'folder';

export function assetIdsIn(body: unknown): string[] {
  const ids = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; src?: unknown; children?: unknown; root?: unknown };
    if (n.type === 'image' && typeof n.src === 'string' && n.src.startsWith('asset:')) ids.add(n.src.slice('asset:'.length));
    if (n.root) walk(n.root);
    if (Array.isArray(n.children)) n.children.forEach(walk);
  };
  walk(body);
  return [...ids].sort();
}

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif' };

export function assetFileName(a: AssetBytes): string {
  const stem = a.fileName
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  const ext = EXTENSIONS[a.mime] ?? 'bin';
  return `${a.id.slice(-12)}${stem ? `-${stem}` : ''}.${ext}`;
}

export interface ResolvedAssets {
  /** asset id -> URL for the renderer. */
  urls: Record<string, string>;
  /** Files to write beside the page: path relative to the page's folder -> bytes. */
  files: Map<string, Buffer>;
}

export function resolveAssets(db: DB, bodies: unknown[], mode: AssetMode): ResolvedAssets {
  const ids = [...new Set(bodies.flatMap(assetIdsIn))];
  const urls: Record<string, string> = {};
  const files = new Map<string, Buffer>();
  for (const a of assetsByIds(db, ids)) {
    if (!(a.mime in EXTENSIONS)) continue; // only raster images are published
    if (mode === 'inline') {
      urls[a.id] = `data:${a.mime};base64,${a.data.toString('base64')}`;
    } else {
      const rel = `assets/${assetFileName(a)}`;
      urls[a.id] = rel;
      files.set(rel, a.data);
    }
  }
  return { urls, files };
}
