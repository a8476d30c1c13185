/**
 * For tests that prove something never reaches readers (notes, pending suggestions): what every
 * exporter makes of one post, keyed by exporter, through the real API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getPost } from '../../db/repos/posts';
import type { ApiHarness } from '../testing/api-harness';

/** Every file under a folder, by relative path. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) {
      const full = path.join(f.parentPath, f.name);
      out[path.relative(dir, full)] = fs.readFileSync(full, 'latin1');
    }
  }
  return out;
}

/** What each exporter makes of the post, keyed by exporter. */
export async function exportsOf(api: ApiHarness, slug: string, seriesSlug: string, run: string): Promise<Record<string, string>> {
  const ok = api.value;
  const post = getPost(api.ctx.db, { slug });
  const out = path.join(api.dir, run);
  const page = await ok('publish.page', { post: { slug }, force: true });
  const fragment = await ok('publish.fragment', { post: { slug }, force: true });
  const preview = await ok('publish.preview', { postId: post.id });
  // Warnings too: an unknown node would be published as its text, but with a warning to the user.
  const warned: unknown[] = [page.warnings, fragment.warnings, preview.warnings];
  warned.push((await ok('publish.writePage', { post: { slug }, outPath: path.join(out, 'page', 'p.html'), force: true })).warnings);
  warned.push((await ok('publish.writePage', { post: { slug }, outPath: path.join(out, 'fragment', 'p.html'), fragment: true, force: true })).warnings);
  warned.push((await ok('publish.series', { series: { slug: seriesSlug }, outDir: path.join(out, 'series'), force: true })).warnings);
  const wxr = await ok('publish.wxr', { posts: [{ slug }] });
  const bundles: string[] = [];
  for (const target of [{ kind: 'page', post: { slug }, force: true }, { kind: 'fragment', post: { slug }, force: true }, { kind: 'wxr', post: { slug } }, { kind: 'series', series: { slug: seriesSlug }, force: true }]) {
    const b = await ok<{ files: { path: string; base64: string }[]; warnings: unknown[] }>('publish.bundle', { target });
    warned.push(b.warnings);
    bundles.push(...b.files.map((f) => `${f.path}\n${Buffer.from(f.base64, 'base64').toString('latin1')}`));
  }
  return {
    'publish.page (standalone HTML)': page.html + page.text,
    'publish.fragment (CMS fragment)': fragment.html + fragment.text,
    'publish.preview': preview.html + preview.fragmentHtml + preview.fragmentText,
    'publish.writePage': JSON.stringify(readTree(path.join(out, 'page'))),
    'publish.writePage fragment': JSON.stringify(readTree(path.join(out, 'fragment'))),
    'publish.series (series folder)': JSON.stringify(readTree(path.join(out, 'series'))),
    'publish.wxr (WordPress WXR)': wxr.xml,
    'publish.bundle (window downloads)': bundles.join('\n'),
    warnings: JSON.stringify(warned),
  };
}
