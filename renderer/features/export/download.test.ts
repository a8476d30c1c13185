/** A page with pictures or a series downloads as one .zip: its folder holds the files unchanged, and the same export zips to the same bytes. */
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zipBundle } from './download';

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
const bundle = {
  name: 'five-voices',
  files: [
    { path: 'index.html', base64: b64('<!doctype html><title>Five — voices</title>') },
    { path: 'voice-1.html', base64: b64('<p>Ünïcödé stays UTF-8</p>') },
    { path: 'assets/0123-ward.png', base64: b64(png) },
  ],
};

describe('zipBundle', () => {
  it('puts every file, byte for byte, in a folder named for the export', () => {
    const out = unzipSync(zipBundle(bundle));
    expect(Object.keys(out).sort()).toEqual(['five-voices/assets/0123-ward.png', 'five-voices/index.html', 'five-voices/voice-1.html']);
    for (const f of bundle.files) expect(Buffer.from(out[`five-voices/${f.path}`]).toString('base64')).toBe(f.base64);
  });

  afterEach(() => vi.useRealTimers());

  it('gives the same bytes for the same export, whenever it runs', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const first = zipBundle(bundle);
    vi.setSystemTime(new Date('2027-07-15T18:30:07Z'));
    expect(Buffer.from(zipBundle(structuredClone(bundle))).equals(Buffer.from(first))).toBe(true);
  });
});
