/**
 * The wordpress scenario's publish row: the long bench draft with 20 pictures, published as a
 * draft to the real WordPress (main/publishers/publish-post.ts) from a fresh database each run.
 * Baseline: the very HTTP requests that publish made (20 picture uploads carrying their alt text
 * and caption, then the post create with the same body), recorded once and replayed with bare
 * fetch, one after the other as ours sends them: the floor of the same network and server work.
 * Ours adds what it does around them: reading the draft, rendering the 36,000 words, rewriting the
 * picture URLs and recording each remote id as it comes.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, type SerializedEditorState } from '../../common/editor/serialized';
import { closeContext, createContext } from '../../main/context';
import { saveAsset } from '../../db/repos/assets';
import { createPost } from '../../db/repos/posts';
import { CredentialStore, keyFileBox } from '../../main/publishers/credentials';
import { connectSite, publisherFor } from '../../main/publishers/connections';
import { publishPost } from '../../main/publishers/publish-post';
import type { WordPressServer } from '../../main/testing/wordpress-server';
import { stored } from '../generate/dataset';
import { mulberry32 } from '../generate/prng';
import { median } from '../lib/stats';
import type { Row, ScenarioContext } from '../lib/types';

const PICTURES = 20;

function chunkOf(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A photo-sized RGB PNG: a gradient with seeded grain, so each picture is its own file and compresses like a picture. */
export function benchPicture(seed: number, width: number, height: number): Buffer {
  const rng = mulberry32(seed);
  const rand = () => rng.next();
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  const [r0, g0, b0] = [rand() * 255, rand() * 255, rand() * 255];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * row + 1 + x * 3;
      const grain = (rand() - 0.5) * 24;
      raw[o] = (r0 + (x / width) * 80 + grain) & 255;
      raw[o + 1] = (g0 + (y / height) * 80 + grain) & 255;
      raw[o + 2] = (b0 + ((x + y) / (width + height)) * 80 + grain) & 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunkOf('IHDR', ihdr), chunkOf('IDAT', zlib.deflateSync(raw)), chunkOf('IEND', Buffer.alloc(0))]);
}

/** The long draft with a picture (alt text and caption) after every fiftieth block. */
function draftWithPictures(state: SerializedEditorState, assetIds: string[]): SerializedEditorState {
  const blocks = [...(state.root.children as unknown[])];
  const step = Math.max(1, Math.floor(blocks.length / (assetIds.length + 1)));
  assetIds.forEach((id, i) => blocks.splice((i + 1) * step + i, 0, build.image(`asset:${id}`, `Bench picture ${i + 1}: a ward corridor`, `Picture ${i + 1} of ${assetIds.length}`)));
  return { ...state, root: { ...state.root, children: blocks } } as SerializedEditorState;
}

interface Recorded { url: string; method: string; headers: Record<string, string>; body: Buffer | string | undefined }

/** The requests fn makes through fetch, recorded as sent. */
async function recordRequests<T>(fn: () => Promise<T>): Promise<{ result: T; requests: Recorded[] }> {
  const real = globalThis.fetch;
  const requests: Recorded[] = [];
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const body = init?.body;
    requests.push({ url: String(input), method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) }, body: typeof body === 'string' ? body : body ? Buffer.from(body as Uint8Array) : undefined });
    return real(input, init);
  };
  try {
    return { result: await fn(), requests };
  } finally {
    globalThis.fetch = real;
  }
}

export async function publishRow(ctx: ScenarioContext, wp: WordPressServer): Promise<{ row: Row; note: string }> {
  const full = ctx.sizes.name === 'full';
  const pictures = Array.from({ length: PICTURES }, (_, i) => benchPicture(ctx.sizes.seed + i, full ? 1200 : 320, full ? 800 : 200));

  /** A fresh store holding the draft and its pictures, connected to the site; publishes once. */
  const publishFresh = async (i: number, around: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn()) => {
    const dir = path.join(ctx.data.dir, `wp-publish-${i}`);
    fs.rmSync(dir, { recursive: true, force: true });
    const c = createContext({ dbPath: path.join(dir, 'w.sqlite'), mode: 'cli' });
    try {
      const post = createPost(c.db, { title: 'Bench long read with pictures' });
      const ids = pictures.map((data, n) => saveAsset(c.db, { postId: post.id, fileName: `bench-picture-${n + 1}.png`, data }).id);
      c.db.prepare('UPDATE posts SET body = ? WHERE id = ?').run(JSON.stringify(stored(draftWithPictures(ctx.data.longDraft.state as unknown as SerializedEditorState, ids))), post.id);
      const store = new CredentialStore(path.join(dir, 'c.json'), keyFileBox(path.join(dir, 'k')), {});
      const site = await connectSite(c.db, store, { url: wp.url, user: 'admin', password: wp.admin.appPassword });
      const pub = publisherFor(c.db, store, site);
      const t = performance.now();
      const r = await around(() => publishPost(c.db, pub, site, { post: { id: post.id }, status: 'draft' }));
      const ms = performance.now() - t;
      if (r.picturesUploaded !== PICTURES || !r.created) throw new Error(`published with ${r.picturesUploaded} of ${PICTURES} pictures`);
      return ms;
    } finally {
      closeContext(c);
    }
  };

  // A first publish warms PHP and records the requests it makes (connecting is not timed, nor recorded).
  let all: Recorded[] = [];
  await publishFresh(0, async (fn) => {
    const rec = await recordRequests(fn);
    all = rec.requests;
    return rec.result;
  });
  // The floor: the uploads and the post create. Ours also looks up (the first time creates) its category.
  const replayed = all.filter((r) => r.method === 'POST' && /\/wp\/v2\/(media|posts)(&|$)/.test(decodeURIComponent(r.url)));
  const uploads = replayed.filter((r) => decodeURIComponent(r.url).includes('/wp/v2/media')).length;
  if (uploads !== PICTURES || replayed.length !== PICTURES + 1) throw new Error(`the publish made ${all.length} requests, ${uploads} uploads: not the expected ${PICTURES} + 1`);
  const bare = async () => {
    const t = performance.now();
    for (const r of replayed) {
      const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body as BodyInit | undefined });
      await res.text();
      if (!res.ok) throw new Error(`bare ${r.method} ${r.url}: ${res.status}`);
    }
    return performance.now() - t;
  };
  const times = full ? 3 : 1;
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < times; i++) {
    bareMs.push(await bare());
    oursMs.push(await publishFresh(i + 1));
  }
  const bytes = pictures.reduce((n, p) => n + p.length, 0);
  ctx.log(`publish: ${oursMs.map(Math.round).join(', ')} ms; bare requests: ${bareMs.map(Math.round).join(', ')} ms; ${all.length} requests, ${(bytes / 1048576).toFixed(1)} MB of pictures`);
  return {
    note: `publish: ${times} interleaved runs; the ${ctx.data.longDraft.words.toLocaleString('en-GB')}-word draft with ${PICTURES} PNGs (${(bytes / 1048576).toFixed(1)} MB), each from a fresh database; ours made ${all.length} requests (the first time), ${replayed.length} of them replayed by the baseline: ${all.filter((r) => !replayed.includes(r)).map((r) => `${r.method} ${new URL(r.url).searchParams.get('rest_route')}`).join(', ')} not`,
    row: {
      name: `publish the ${ctx.data.longDraft.words.toLocaleString('en-GB')}-word draft with ${PICTURES} pictures to WordPress`,
      unit: 'ms',
      ours: median(oursMs),
      baseline: median(bareMs),
      baselineName: `the same ${replayed.length} REST requests (${PICTURES} uploads + the post create, same bodies) by bare fetch`,
      budget: 'none set',
      pass: null,
    },
  };
}
