/**
 * The exports the issue names, written from a real store to real files and checked by the Nu Html
 * Checker: the fixture guest-blog page with its five approved comments, a draft using every node
 * type, and a series of five. Also: safe, deterministic, refusing images without alt text.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../common/editor/serialized';
import { createPost } from '../../db/repos/posts';
import { closeContext, createContext, type Ctx } from '../context';
import { createDispatch, type Dispatch } from '../dispatch';
import { handlers } from '../handlers/index';
import { seedPublishFixtures, type SeededPublishFixtures } from './publish-fixtures';

const VNU = path.resolve(import.meta.dirname, '../../node_modules/vnu-jar/build/dist/vnu.jar');

let dir: string;
let ctx: Ctx;
let call: Dispatch;
let seeded: SeededPublishFixtures;

async function ok<T = any>(method: string, input: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Writes every export into `out` and returns the HTML files (relative paths). */
async function exportAll(out: string): Promise<string[]> {
  await ok('publish.writePage', { post: { slug: seeded.guestSlug }, outPath: path.join(out, 'guest.html'), withComments: true });
  await ok('publish.writePage', { post: { slug: seeded.everySlug }, outPath: path.join(out, 'every.html') });
  await ok('publish.writePage', { post: { slug: seeded.everySlug }, outPath: path.join(out, 'every-inline-plain.html'), assets: 'inline', stylesheet: false });
  await ok('publish.writePage', { post: { slug: seeded.everySlug }, outPath: path.join(out, 'every-fragment.html'), fragment: true });
  await ok('publish.series', { series: { slug: seeded.seriesSlug }, outDir: path.join(out, 'series'), withComments: true });
  const wxr = await ok('publish.wxr', { posts: [{ slug: seeded.guestSlug }, { slug: seeded.everySlug }], outPath: path.join(out, 'export.xml') });
  expect(wxr.comments).toBe(5);
  return listFiles(out);
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(root, p));
    }
  };
  walk(root);
  return out;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-publish-'));
  ctx = createContext({ dbPath: path.join(dir, 'store.sqlite'), mode: 'cli' });
  call = createDispatch(handlers, ctx, { checkOutput: true });
  seeded = seedPublishFixtures(ctx.db);
});

afterAll(() => {
  closeContext(ctx);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('publish exports', () => {
  it('the Nu Html Checker finds zero errors in every export, fragments included', async () => {
    const out = path.join(dir, 'validate');
    const files = await exportAll(out);
    // A fragment is not a document: check it the way a CMS shows it, inside a minimal page.
    const fragment = fs.readFileSync(path.join(out, 'every-fragment.html'), 'utf8');
    fs.writeFileSync(
      path.join(out, 'fragment-in-page.html'),
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Fragment</title></head><body><main>\n${fragment}</main></body></html>\n`,
    );
    const pages = [...files.filter((f) => f.endsWith('.html') && f !== 'every-fragment.html'), 'fragment-in-page.html'].map((f) => path.join(out, f));
    expect(pages.length).toBe(10); // 3 pages + wrapped fragment + series index + 5 series posts
    let report: string;
    try {
      report = execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      report = (err as { stderr: string }).stderr; // vnu exits 1 and reports on stderr when it finds errors
    }
    const messages = (JSON.parse(report || '{"messages":[]}').messages as { type: string; message: string; url: string; lastLine?: number }[]).filter(
      (m) => m.type === 'error' || m.type === 'non-document-error',
    );
    expect(messages.map((m) => `${path.basename(m.url)}:${m.lastLine}: ${m.message}`)).toEqual([]);
  }, 120_000);

  it('every export is free of executable script, event attributes and javascript: URLs', () => {
    const out = path.join(dir, 'validate');
    for (const f of listFiles(out).filter((f) => f.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(out, f), 'utf8');
      const withoutData = html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '');
      expect(withoutData, f).not.toMatch(/<script/i);
      expect(html, f).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
      expect(html, f).not.toMatch(/javascript:/i);
      expect(html, f).not.toMatch(/\sstyle=/i);
    }
  });

  it('exports are byte-identical when made twice', async () => {
    const a = path.join(dir, 'twice-a');
    const b = path.join(dir, 'twice-b');
    const filesA = await exportAll(a);
    const filesB = await exportAll(b);
    expect(filesB).toEqual(filesA);
    for (const f of filesA) expect(fs.readFileSync(path.join(b, f)).equals(fs.readFileSync(path.join(a, f))), f).toBe(true);
  });

  it('the guest-blog page carries its notice, byline, five approved comments threaded, and nothing unapproved', () => {
    const html = fs.readFileSync(path.join(dir, 'validate', 'guest.html'), 'utf8');
    expect(html).toContain('<p class="series-notice">This is the third in a series of guest blogs that explores current issues and opportunities for clinical and medical leaders.</p>');
    expect(html).toContain('<h1>Why is medical leadership important in the health service?</h1>');
    expect(html).toContain('<h2 id="comments-title">5 comments</h2>');
    expect(html.match(/<li id="comment-\d+" class="comment">/g)).toHaveLength(5);
    expect(html).toContain('Public Governor, Royal Berkshire NHS Foundation Trust');
    expect(html).toMatch(/Alistair Hellewell[\s\S]*<ol class="comment-replies">\n<li id="comment-\d" class="comment">\n<p class="comment-author"><strong>Dr Julie Barker/);
    expect(html).not.toContain('NOT APPROVED');
  });

  it('pictures go to assets/ with relative links, or inline as data URLs', () => {
    const out = path.join(dir, 'validate');
    const page = fs.readFileSync(path.join(out, 'every.html'), 'utf8');
    const src = /<img src="(assets\/[^"]+)" alt="A ward at night">/.exec(page)![1];
    expect(fs.readFileSync(path.join(out, src)).subarray(1, 4).toString()).toBe('PNG');
    const inline = fs.readFileSync(path.join(out, 'every-inline-plain.html'), 'utf8');
    expect(inline).toContain('<img src="data:image/png;base64,');
    expect(inline).not.toContain('<style>');
  });

  it('the series folder has an index of the five published or scheduled posts with working links, and no drafts', () => {
    const out = path.join(dir, 'validate', 'series');
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const links = [...index.matchAll(/<li>\n<a href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(seeded.seriesPostSlugs.map((s) => `${s}.html`));
    for (const l of links) expect(fs.existsSync(path.join(out, l))).toBe(true);
    expect(fs.existsSync(path.join(out, `${seeded.draftInSeriesSlug}.html`))).toBe(false);
    const second = fs.readFileSync(path.join(out, links[1]), 'utf8');
    expect(second).toContain(`<a href="${links[0]}" rel="prev">`);
    expect(second).toContain(`<a href="${links[2]}" rel="next">`);
    expect(second).toContain('This is the second in a series of guest blogs that explores how clinicians learn to lead.');
    expect(index).toContain('By Tom Okafor, Trust 2 · <time datetime="2026-02-15T08:00:00.000Z">15 February 2026</time>');
  });

  it('refuses a draft with an image lacking alt text, writing nothing, unless forced', async () => {
    const post = createPost(ctx.db, {
      title: 'No alt',
      body: build.root([build.image('data:image/png;base64,iVBORw0KGgo=', '', 'A chart')]) as never,
    });
    const target = path.join(dir, 'refused', 'no-alt.html');
    const refused = await call('publish.writePage', { post: { id: post.id }, outPath: target });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('BAD_INPUT');
      expect(refused.error.message).toContain('image 1 ("A chart")');
    }
    expect(fs.existsSync(target)).toBe(false);
    const forced = await ok('publish.writePage', { post: { id: post.id }, outPath: target, force: true });
    expect(forced.warnings.map((w: { code: string }) => w.code)).toEqual(['image-missing-alt']);
    expect(fs.readFileSync(target, 'utf8')).toContain('alt=""');
  });

  it('publish.fragment returns the body for a CMS and publish.preview never refuses but says what an export would', async () => {
    const fragment = await ok('publish.fragment', { post: { slug: seeded.everySlug } });
    expect(fragment.html.startsWith('<p>Plain, <strong>bold</strong>')).toBe(true);
    expect(fragment.html).not.toMatch(/<html|<head|<article|<h1/);
    expect(fragment.html).toContain('<section class="footnotes" aria-label="Footnotes">');
    expect(fragment.text).toContain('Plain, bold, italic');
    expect(fragment.fileName).toBe(`${seeded.everySlug}.html`);

    const post = createPost(ctx.db, { title: 'Preview me', body: build.root([build.image('data:image/png;base64,iVBORw0KGgo=', '')]) as never });
    const refused = await call('publish.fragment', { post: { id: post.id } });
    expect(refused.ok).toBe(false);
    const preview = await ok('publish.preview', { postId: post.id, colorScheme: 'dark' });
    expect(preview.html).toContain('<html lang="en-GB" class="theme-dark">');
    expect(preview.warnings.map((w: { code: string }) => w.code)).toEqual(['image-missing-alt']);
    expect(preview.fragmentHtml).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="">');
  });

  it('an unwritable path is a clear error and a missing draft is NOT_FOUND', async () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    const bad = await call('publish.writePage', { post: { slug: seeded.guestSlug }, outPath: path.join(file, 'page.html') });
    expect(bad.ok || bad.error.message).toMatch(/^Cannot write .*a-file\/page\.html: a part of the path is a file, not a folder; nothing was exported\.$/);
    const missing = await call('publish.page', { post: { slug: 'no-such-draft' } });
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND');
    const relative = await call('publish.writePage', { post: { slug: seeded.guestSlug }, outPath: 'relative.html' });
    expect(relative.ok || relative.error.message).toContain('must be an absolute path');
  });
});
