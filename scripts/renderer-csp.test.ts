/**
 * The window's CSP allows the exported page's inline stylesheet by its hash, because the preview
 * shows that page in a frame that inherits the window's policy. The hash is written into
 * index.html by hand, so any change to the stylesheet must change it too: this holds them together.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STYLESHEET_HASH } from '../common/publish/styles';

describe('renderer/index.html', () => {
  it("allows the exported page's stylesheet by its current hash, and no other inline style", () => {
    const html = fs.readFileSync(path.join(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const styleSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('style-src ')) ?? '';
    expect(styleSrc.split(/\s+/).slice(1)).toEqual(["'self'", STYLESHEET_HASH]);
  });
});
