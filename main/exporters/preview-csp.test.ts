/**
 * The in-app preview is a srcdoc frame, which inherits the app's CSP; the app allows the publish
 * stylesheet by its hash. If the stylesheet changes, this test says where the hash must change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STYLESHEET_HASH } from '../../common/publish/styles';
import { PAGE_CSP } from '../http';

describe('the app CSP allows the publish stylesheet', () => {
  it('in the served header', () => {
    expect(PAGE_CSP).toMatch(new RegExp(`style-src 'self' ${STYLESHEET_HASH.replace(/[+/]/g, '\\$&')}`));
  });

  it('in renderer/index.html', () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    expect(html, `renderer/index.html's CSP needs style-src 'self' ${STYLESHEET_HASH}`).toContain(`style-src 'self' ${STYLESHEET_HASH};`);
  });
});
