/**
 * One post as a standalone page or a CMS fragment: rendered from the store, checked for images
 * without alt text (refused unless forced), and optionally written to disk with its pictures.
 */
import path from 'node:path';
import type { DB } from '../../db/connection';
import type { Post } from '../../common/domain';
import { AppError } from '../../common/errors';
import { renderFragment, renderStandalonePage, type PublishOptions, type PublishResult, type PublishWarning } from '../../common/publish/index';
import { resolveAssets, type AssetMode } from './assets';
import { requireAbsolute, writeFiles } from './files';
import { featuredImageBody, loadPost, pageFileName, publishInputFor } from './publish-input';

export interface RenderPostOptions {
  fragment: boolean;
  withComments: boolean;
  assets: AssetMode;
  options?: Partial<PublishOptions>;
}

export interface RenderedPost {
  post: Post;
  result: PublishResult;
  /** Pictures to write beside the page (relative path -> bytes); empty when inlined. */
  assetFiles: Map<string, Buffer>;
}

export function renderPost(db: DB, post: Post, o: RenderPostOptions): RenderedPost {
  const { urls, files } = resolveAssets(db, [post.body, featuredImageBody(db, post.id)], o.assets);
  if (o.fragment) return { post, result: renderFragment(post.body, urls), assetFiles: files };
  const input = publishInputFor(db, post, { withComments: o.withComments, options: { ...o.options, assetUrls: urls } });
  return { post, result: renderStandalonePage(input), assetFiles: files };
}

/** Images without alt text stop an export; the message lists them and says how to go on anyway. */
export function refuseMissingAlt(warnings: PublishWarning[], force: boolean, what: string): void {
  if (force) return;
  const missing = warnings.filter((w) => w.code === 'image-missing-alt');
  if (!missing.length) return;
  throw new AppError(
    'BAD_INPUT',
    `${what}: ${missing.length === 1 ? 'an image has' : `${missing.length} images have`} no alt text (${missing
      .map((w) => w.message.split(':')[0])
      .join('; ')}); nothing was exported. Add alt text in the editor, or export with force (--force) to publish them as decorative.`,
    { warnings: missing },
  );
}

export interface WritePageArgs {
  ref: { id: string } | { slug: string };
  outPath: string;
  fragment: boolean;
  withComments: boolean;
  assets: AssetMode;
  force: boolean;
  options?: Partial<PublishOptions>;
}

export interface WrittenExport {
  files: string[];
  bytes: number;
  warnings: PublishWarning[];
}

/** A post's export as files relative to the page's folder: the page first, then its pictures in assets/. */
export interface BuiltPage {
  post: Post;
  fileName: string;
  page: string;
  assetFiles: Map<string, Buffer>;
  warnings: PublishWarning[];
}

export function buildPage(db: DB, a: Omit<WritePageArgs, 'outPath'>): BuiltPage {
  const post = loadPost(db, a.ref);
  const { result, assetFiles } = renderPost(db, post, a);
  refuseMissingAlt(result.warnings, a.force, `"${post.title || post.slug}"`);
  return { post, fileName: pageFileName(post.slug, a.fragment), page: result.html, assetFiles, warnings: result.warnings };
}

export function writePage(db: DB, a: WritePageArgs): WrittenExport {
  const out = requireAbsolute(a.outPath, 'The output file');
  const built = buildPage(db, a);
  const files = new Map<string, string | Buffer>([[out, built.page]]);
  for (const [rel, data] of built.assetFiles) files.set(path.join(path.dirname(out), rel), data);
  return writeAll(files, built.warnings);
}

/** Writes the files and says what was written: their paths and their size in all. */
export function writeAll(files: Map<string, string | Buffer>, warnings: PublishWarning[]): WrittenExport {
  const written = writeFiles(files);
  const bytes = [...files.values()].reduce((n, c) => n + Buffer.byteLength(c), 0);
  return { files: written, bytes, warnings };
}
