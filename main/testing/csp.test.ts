/**
 * The page's Content Security Policy, as the server and the Electron protocol send it (PAGE_CSP)
 * and as renderer/index.html carries it in a meta tag: strict, and the same in both places.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../http';
import { appRoot } from '../app-root';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.sort().join(' ')] as [string, string];
      }),
  );
}

describe('content security policy', () => {
  const header = directives(PAGE_CSP);

  it('allows no inline script, no eval, no plugins, nothing from the network, and no framing', () => {
    expect(PAGE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|\*|https?:/);
    expect(header.get('default-src')).toBe("'none'");
    expect(header.get('script-src')).toBe("'self'");
    expect(header.get('object-src')).toBe("'none'");
    expect(header.get('base-uri')).toBe("'none'");
    expect(header.get('form-action')).toBe("'none'");
    expect(header.get('frame-ancestors')).toBe("'none'");
  });

  it('is the same policy in renderer/index.html (less frame-ancestors, which a meta tag cannot carry)', () => {
    const html = fs.readFileSync(path.join(appRoot(), 'renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta, 'renderer/index.html has a CSP meta tag').not.toBeNull();
    const fromMeta = directives(meta![1]);
    const expected = new Map(header);
    expected.delete('frame-ancestors');
    expect(Object.fromEntries(fromMeta)).toEqual(Object.fromEntries(expected));
  });
});
