import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { refuseMissingAlt, renderPost, writePage } from '../exporters/page-export';
import { withSuggestions } from '../../common/editor/suggestions';
import { loadPost, pageFileName } from '../exporters/publish-input';
import { writeSeries } from '../exporters/series-export';
import { renderWxr } from '../exporters/wxr';
import { requireAbsolute, writeFiles } from '../exporters/files';
import { buildExport, saveExport } from '../exporters/export-target';
import { AppError } from '../../common/errors';

type PublishMethods =
  | 'publish.page'
  | 'publish.fragment'
  | 'publish.preview'
  | 'publish.writePage'
  | 'publish.series'
  | 'publish.bundle'
  | 'publish.saveAs'
  | 'publish.wxr';

export const publishHandlers: Pick<Handlers<Ctx>, PublishMethods> = {
  'publish.page': (input, ctx) => {
    const post = loadPost(ctx.db, input.post);
    const { result } = renderPost(ctx.db, post, {
      fragment: false,
      withComments: input.withComments,
      assets: 'inline',
      options: { stylesheet: input.stylesheet, lang: input.lang, siteName: input.siteName },
    });
    refuseMissingAlt(result.warnings, input.force, `"${post.title || post.slug}"`);
    return { ...result, fileName: pageFileName(post.slug) };
  },
  'publish.fragment': (input, ctx) => {
    const post = loadPost(ctx.db, input.post);
    const { result } = renderPost(ctx.db, post, { fragment: true, withComments: false, assets: 'inline' });
    refuseMissingAlt(result.warnings, input.force, `"${post.title || post.slug}"`);
    return { ...result, fileName: pageFileName(post.slug) };
  },
  'publish.preview': (input, ctx) => {
    const stored = loadPost(ctx.db, { id: input.postId });
    // The copyable fragment is always what would be published; only the page may show suggestions applied.
    const post = input.suggestions === 'with' ? { ...stored, body: withSuggestions(stored.body) } : stored;
    const page = renderPost(ctx.db, post, {
      fragment: false,
      withComments: input.withComments,
      assets: 'inline',
      options: { colorScheme: input.colorScheme },
    }).result;
    const fragment = renderPost(ctx.db, stored, { fragment: true, withComments: false, assets: 'inline' }).result;
    return { html: page.html, fragmentHtml: fragment.html, fragmentText: fragment.text, warnings: page.warnings };
  },
  'publish.writePage': (input, ctx) =>
    writePage(ctx.db, {
      ref: input.post,
      outPath: input.outPath,
      fragment: input.fragment,
      withComments: input.withComments,
      assets: input.assets,
      force: input.force,
      options: { stylesheet: input.stylesheet, lang: input.lang, siteName: input.siteName },
    }),
  'publish.series': (input, ctx) =>
    writeSeries(ctx.db, {
      ref: input.series,
      outDir: input.outDir,
      withComments: input.withComments,
      assets: input.assets,
      force: input.force,
      options: { stylesheet: input.stylesheet, lang: input.lang, siteName: input.siteName },
    }),
  'publish.bundle': (input, ctx) => {
    const built = buildExport(ctx.db, input.target);
    const files = [...built.files].map(([path, data]) => ({ path, base64: Buffer.from(data).toString('base64') }));
    return { name: built.name, files, warnings: built.warnings };
  },
  'publish.saveAs': (input, ctx) => {
    if (!ctx.desktop) throw new AppError('NOT_FOUND', 'The save dialog exists only in the desktop app; in the browser the export downloads.');
    return saveExport(ctx.db, ctx.desktop, input.target);
  },
  'publish.wxr': (input, ctx) => {
    const posts = input.posts.map((ref) => loadPost(ctx.db, ref));
    const { xml, comments } = renderWxr(ctx.db, posts, { siteTitle: input.siteTitle, siteUrl: input.siteUrl, lang: input.lang });
    if (!input.outPath) return { xml, files: [], posts: posts.length, comments };
    const files = writeFiles(new Map([[requireAbsolute(input.outPath, 'The output file'), xml]]));
    return { xml: null, files, posts: posts.length, comments };
  },
};
