/**
 * The app icon from build-resources/icon.svg: PNGs in the sizes the installers and the window use
 * (build-resources/icons/<n>x<n>.png), icon.ico for Windows and the page (PNG images in an ICO
 * container) and icon.icns for macOS (PNG images in an ICNS container). Chromium renders the SVG;
 * both containers are small enough to write here. Run after changing the SVG:
 * `node --import tsx scripts/make-icons.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS types holding PNG data, by pixel size. */
const ICNS_TYPES: [string, number][] = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];

const root = path.resolve(import.meta.dirname, '..');
const res = path.join(root, 'build-resources');

export function icoFile(images: [number, Buffer][]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(([size, png], i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(([, png]) => png)]);
}

export function icnsFile(images: [string, Buffer][]): Buffer {
  const chunks = images.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function main() {
  const svg = fs.readFileSync(path.join(res, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const pngs = new Map<number, Buffer>();
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
      pngs.set(size, await page.screenshot({ omitBackground: true, type: 'png' }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  fs.mkdirSync(path.join(res, 'icons'), { recursive: true });
  for (const [size, png] of pngs) fs.writeFileSync(path.join(res, 'icons', `${size}x${size}.png`), png);
  fs.writeFileSync(path.join(res, 'icon.png'), pngs.get(1024)!);
  fs.writeFileSync(path.join(res, 'icon.ico'), icoFile(ICO_SIZES.map((s) => [s, pngs.get(s)!])));
  fs.writeFileSync(path.join(res, 'icon.icns'), icnsFile(ICNS_TYPES.map(([t, s]) => [t, pngs.get(s)!])));
  // The page's icon: served from the renderer's own folder (Vite copies renderer/public/).
  fs.mkdirSync(path.join(root, 'renderer', 'public'), { recursive: true });
  fs.writeFileSync(path.join(root, 'renderer', 'public', 'favicon.ico'), icoFile([16, 32, 48].map((s) => [s, pngs.get(s)!])));
  fs.copyFileSync(path.join(res, 'icon.svg'), path.join(root, 'renderer', 'public', 'icon.svg'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
