import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../connection';
import { createPost, trashPost } from './posts';
import { getAssetData, listAssets, MAX_ASSET_BYTES, saveAsset, sniffImageMime } from './assets';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let dir: string;
let db: DB;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-assets-'));
  db = openDatabase(path.join(dir, 'w.sqlite'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('assets', () => {
  it('stores an image with its draft and gives the same bytes back, typed by content', () => {
    const post = createPost(db, { title: 'With picture' });
    const asset = saveAsset(db, { postId: post.id, fileName: 'dot.jpg', data: PNG });
    expect(asset).toMatchObject({ postId: post.id, fileName: 'dot.jpg', mime: 'image/png', size: PNG.length });
    expect(asset.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const back = getAssetData(db, asset.id);
    expect(Buffer.compare(back.data, PNG)).toBe(0);
    expect(listAssets(db, post.id).map((a) => a.id)).toEqual([asset.id]);
  });

  it('stores identical bytes once per draft', () => {
    const post = createPost(db, { title: 'Twice' });
    const a = saveAsset(db, { postId: post.id, fileName: 'a.png', data: PNG });
    const b = saveAsset(db, { postId: post.id, fileName: 'b.png', data: PNG });
    expect(b.id).toBe(a.id);
    expect(db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 1 });
  });

  it('refuses SVG, non-images, empty and oversized files, and unknown drafts, storing nothing', () => {
    const post = createPost(db, { title: 'Refusals' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect(() => saveAsset(db, { postId: post.id, fileName: 'x.svg', data: svg })).toThrow('x.svg: not a PNG, JPEG, GIF or WebP image');
    expect(() => saveAsset(db, { postId: post.id, fileName: 'e.png', data: new Uint8Array() })).toThrow('e.png: the file is empty');
    const big = new Uint8Array(MAX_ASSET_BYTES + 1);
    big.set(PNG);
    expect(() => saveAsset(db, { postId: post.id, fileName: 'big.png', data: big })).toThrow('over the 20 MB limit');
    trashPost(db, post.id);
    expect(() => saveAsset(db, { postId: post.id, fileName: 'dot.png', data: PNG })).toThrow(`No post with id ${post.id}`);
    expect(db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 0 });
  });

  it('recognises the four raster formats by their signatures', () => {
    expect(sniffImageMime(PNG)).toBe('image/png');
    expect(sniffImageMime(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageMime(Buffer.from('GIF89a'))).toBe('image/gif');
    expect(sniffImageMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageMime(Buffer.from('<?xml version="1.0"?><svg/>'))).toBeNull();
  });
});
