/**
 * A whole series to a folder: index.html listing its posts in order, and a page for every
 * published or scheduled post, named <slug>.html so the index and the previous/next links work
 * from disk or from any web server. Pictures are shared in one assets/ folder.
 */
import path from 'node:path';
import type { DB } from '../../db/connection';
import { renderSeriesIndex, renderStandalonePage, DEFAULT_OPTIONS, type PublishOptions, type PublishWarning } from '../../common/publish/index';
import { findSeries, seriesPosts } from '../../db/repos/publish-source';
import { getPost } from '../../db/repos/posts';
import { resolveAssets, type AssetMode } from './assets';
import { requireAbsolute, writeFiles } from './files';
import { refuseMissingAlt, writeAll, type WrittenExport } from './page-export';
import { featuredImageBody, pageFileName, pageHref, publishInputFor, PUBLISHED_STATUSES } from './publish-input';

export interface WriteSeriesArgs {
  ref: { id: string } | { slug: string };
  outDir: string;
  withComments: boolean;
  assets: AssetMode;
  force: boolean;
  options?: Partial<PublishOptions>;
}

/** The series as files relative to its folder: index.html, a page per reachable post, assets/. */
export interface BuiltSeries {
  slug: string;
  files: Map<string, string | Buffer>;
  warnings: PublishWarning[];
  posts: number;
}

export function buildSeries(db: DB, a: Omit<WriteSeriesArgs, 'outDir'>): BuiltSeries {
  const series = findSeries(db, a.ref);
  const posts = seriesPosts(db, series.id)
    .filter((p) => PUBLISHED_STATUSES.includes(p.status))
    .map((p) => getPost(db, { id: p.id }));
  const { urls, files: assetFiles } = resolveAssets(db, posts.flatMap((p) => [p.body, featuredImageBody(db, p.id)]), a.assets);
  const options = { ...a.options, assetUrls: urls };
  const files = new Map<string, string | Buffer>();
  const warnings: PublishWarning[] = [];
  for (const post of posts) {
    const page = renderStandalonePage(publishInputFor(db, post, { withComments: a.withComments, options }));
    refuseMissingAlt(page.warnings, a.force, `"${post.title || post.slug}"`);
    warnings.push(...page.warnings.map((w) => ({ ...w, message: `${post.slug}: ${w.message}` })));
    files.set(pageFileName(post.slug), page.html);
  }
  const index = renderSeriesIndex({
    series: { title: series.title, slug: series.slug, topic: series.topic, description: series.description, noticeTemplate: series.noticeTemplate },
    posts: posts.map((p) => ({
      title: p.title,
      href: pageHref(p.slug),
      standfirst: p.standfirst,
      authors: p.authors,
      date: p.publishedAt ?? p.plannedDate,
      status: p.status,
    })),
    options: { ...DEFAULT_OPTIONS, ...options },
  });
  files.set('index.html', index.html);
  for (const [rel, data] of assetFiles) files.set(rel, data);
  return { slug: series.slug, files, warnings, posts: posts.length };
}

export function writeSeries(db: DB, a: WriteSeriesArgs): WrittenExport & { posts: number } {
  const dir = requireAbsolute(a.outDir, 'The output folder');
  const built = buildSeries(db, a);
  const files = new Map([...built.files].map(([rel, data]) => [path.join(dir, rel), data] as const));
  return { ...writeAll(files, built.warnings), posts: built.posts };
}
