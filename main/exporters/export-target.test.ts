/**
 * The window's Export action writes what the CLI writes: publish.bundle (browser mode's download)
 * and publish.saveAs (the desktop app's save dialog) give the same bytes as publish.writePage,
 * publish.series and publish.wxr with the CLI's defaults, for a page with pictures, a fragment,
 * WXR and a series. The save dialog itself is the only stand-in: a plain function that answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { build, type SerializedBlock } from '../../common/editor/serialized';
import { createPost } from '../../db/repos/posts';
import { useApiHarness } from '../testing/api-harness';
import type { SavePathRequest } from '../context';
import { seedPublishFixtures, type SeededPublishFixtures } from './publish-fixtures';

const h = useApiHarness('wb-export-target-');
let seeded: SeededPublishFixtures;
let noAltSlug: string;
beforeEach(() => {
  seeded = seedPublishFixtures(h.ctx.db);
  const picture = build.image(`asset:${seeded.assetId}`, '');
  const body = build.root([picture as SerializedBlock]);
  noAltSlug = createPost(h.ctx.db, { title: 'A picture without words', body: body as never }).slug;
});

/** Every file under a folder: relative path -> bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full));
  }
  return out;
}

function bundleTree(b: { files: { path: string; base64: string }[] }): Map<string, Buffer> {
  return new Map(b.files.map((f) => [f.path, Buffer.from(f.base64, 'base64')]));
}

describe('publish.bundle: the files the window downloads', () => {
  it('gives a page with pictures as the page and assets/, byte for byte what writePage writes', async () => {
    const cli = path.join(h.dir, 'cli');
    await h.value('publish.writePage', { post: { slug: seeded.everySlug }, outPath: path.join(cli, `${seeded.everySlug}.html`), force: true });
    const b = await h.value('publish.bundle', { target: { kind: 'page', post: { slug: seeded.everySlug }, force: true } });
    expect(b.name).toBe(seeded.everySlug);
    expect(b.files[0].path).toBe(`${seeded.everySlug}.html`);
    expect(b.files.some((f: { path: string }) => f.path.startsWith('assets/'))).toBe(true);
    expect(bundleTree(b)).toEqual(tree(cli));
  });

  it('gives a page with comments, a fragment and WXR as one file each, the same bytes as the CLI methods', async () => {
    const out = path.join(h.dir, 'out');
    await h.value('publish.writePage', { post: { slug: seeded.guestSlug }, outPath: path.join(out, 'page.html'), withComments: true });
    await h.value('publish.writePage', { post: { slug: seeded.guestSlug }, outPath: path.join(out, 'fragment.html'), fragment: true });
    await h.value('publish.wxr', { posts: [{ slug: seeded.guestSlug }], outPath: path.join(out, 'guest.xml') });
    const page = await h.value('publish.bundle', { target: { kind: 'page', post: { slug: seeded.guestSlug }, withComments: true } });
    const fragment = await h.value('publish.bundle', { target: { kind: 'fragment', post: { slug: seeded.guestSlug } } });
    const wxr = await h.value('publish.bundle', { target: { kind: 'wxr', post: { slug: seeded.guestSlug } } });
    expect(page.name).toBe(`${seeded.guestSlug}.html`);
    expect(fragment.name).toBe(`${seeded.guestSlug}.fragment.html`);
    expect(wxr.name).toBe(`${seeded.guestSlug}.xml`);
    const files = tree(out);
    expect(bundleTree(page).get(page.name)).toEqual(files.get('page.html'));
    expect(bundleTree(fragment).get(fragment.name)).toEqual(files.get('fragment.html'));
    expect(bundleTree(wxr).get(wxr.name)).toEqual(files.get('guest.xml'));
    expect(files.get('page.html')!.toString()).toContain('Alistair Hellewell');
    expect(files.get('page.html')!.toString()).not.toContain('NOT APPROVED');
  });

  it('gives a series as its folder: index.html and its published and scheduled posts, as publish.series writes it', async () => {
    const dir = path.join(h.dir, 'series');
    await h.value('publish.series', { series: { slug: seeded.seriesSlug }, outDir: dir });
    const b = await h.value('publish.bundle', { target: { kind: 'series', series: { slug: seeded.seriesSlug } } });
    expect(b.name).toBe(seeded.seriesSlug);
    expect([...bundleTree(b).keys()].sort()).toEqual(['index.html', ...seeded.seriesPostSlugs.map((s) => `${s}.html`)].sort());
    expect(bundleTree(b)).toEqual(tree(dir));
  });

  it('refuses a page whose picture has no alt text, naming it, unless forced', async () => {
    const err = await h.failure('publish.bundle', { target: { kind: 'page', post: { slug: noAltSlug } } });
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toMatch(/no alt text.*nothing was exported/);
    const forced = await h.value('publish.bundle', { target: { kind: 'page', post: { slug: noAltSlug }, force: true } });
    expect(forced.files.map((f: { path: string }) => f.path)).toEqual([`${noAltSlug}.html`, expect.stringMatching(/^assets\/.*\.png$/)]);
  });
});

describe('publish.saveAs: the desktop app asks where, then writes there', () => {
  const asked: SavePathRequest[] = [];
  const answer = (chosen: string | null) => {
    asked.length = 0;
    h.ctx.desktop = {
      chooseFile: async () => null,
      openExternal: async () => undefined,
      chooseSavePath: async (request) => {
        asked.push(request);
        return chosen;
      },
    };
  };

  it('is refused outside the desktop app, where the export downloads instead', async () => {
    const err = await h.failure('publish.saveAs', { target: { kind: 'wxr', post: { slug: seeded.guestSlug } } });
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('desktop app');
  });

  it('writes a page at the chosen path with its pictures beside it, the same bytes as the CLI', async () => {
    const chosen = path.join(h.dir, 'saved', 'my page.html');
    answer(chosen);
    const r = await h.value('publish.saveAs', { target: { kind: 'page', post: { slug: seeded.everySlug }, force: true } });
    expect(asked).toEqual([{ title: 'Export the page', defaultName: `${seeded.everySlug}.html`, kind: 'file', extensions: ['html'] }]);
    expect(r.saved).toBe(true);
    expect(r.files[0]).toBe(chosen);
    const cli = path.join(h.dir, 'cli');
    await h.value('publish.writePage', { post: { slug: seeded.everySlug }, outPath: path.join(cli, 'my page.html'), force: true });
    expect(tree(path.join(h.dir, 'saved'))).toEqual(tree(cli));
  });

  it('writes a series into the folder named in the dialog', async () => {
    const chosen = path.join(h.dir, 'five');
    answer(chosen);
    const r = await h.value('publish.saveAs', { target: { kind: 'series', series: { slug: seeded.seriesSlug } } });
    expect(asked[0]).toMatchObject({ kind: 'folder', defaultName: seeded.seriesSlug });
    expect(r).toMatchObject({ saved: true });
    await h.value('publish.series', { series: { slug: seeded.seriesSlug }, outDir: path.join(h.dir, 'cli') });
    expect(tree(chosen)).toEqual(tree(path.join(h.dir, 'cli')));
  });

  it('writes nothing when the user cancels the dialog', async () => {
    answer(null);
    const before = fs.readdirSync(h.dir);
    const r = await h.value('publish.saveAs', { target: { kind: 'fragment', post: { slug: seeded.guestSlug } } });
    expect(r).toEqual({ saved: false, files: [], bytes: 0, warnings: [] });
    expect(fs.readdirSync(h.dir)).toEqual(before);
  });

  it('asks nothing when the export is refused (a picture without alt text)', async () => {
    answer(path.join(h.dir, 'never.html'));
    const err = await h.failure('publish.saveAs', { target: { kind: 'page', post: { slug: noAltSlug } } });
    expect(err.message).toMatch(/no alt text/);
    expect(asked).toEqual([]);
    expect(fs.existsSync(path.join(h.dir, 'never.html'))).toBe(false);
  });
});
