/**
 * The app's root folder (where package.json is), found from this module's own location, so the
 * same code works from source (tsx, vitest), from the bundle in dist/main and inside an asar.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function appRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return (cached = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Cannot find the app folder (no package.json above main/).');
    dir = up;
  }
}

export function rendererDir(): string {
  return process.env.WORKBENCH_RENDERER_DIR || path.join(appRoot(), 'dist', 'renderer');
}
