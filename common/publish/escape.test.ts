import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, jsonForScript, safeHref } from './escape';
import { cspHash, sha256, base64 } from './sha256';

describe('escaping', () => {
  it('escapes text and attributes', () => {
    expect(escapeText('a < b & c > d "q"')).toBe('a &lt; b &amp; c &gt; d "q"');
    expect(escapeAttr('a "q" & <x>')).toBe('a &quot;q&quot; &amp; &lt;x&gt;');
  });

  it('keeps </script> and line separators out of JSON for a script element', () => {
    const json = jsonForScript({ t: '</script><!-- & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ t: '</script><!-- & \u2028' });
  });

  it('accepts web, mail, phone and relative links only', () => {
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHref('mailto:a@b.org')).toBe('mailto:a@b.org');
    expect(safeHref('#fn-1')).toBe('#fn-1');
    expect(safeHref('../x.html')).toBe('../x.html');
    for (const bad of ['javascript:x', 'JAVASCRIPT:x', 'java\nscript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'https:evil', '']) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});

describe('sha256 for the CSP hash', () => {
  it('matches the published test vectors', () => {
    const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    expect(hex(sha256(new TextEncoder().encode('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(new TextEncoder().encode('a'.repeat(1000))))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
    expect(base64(new Uint8Array([1, 2, 3, 4]))).toBe('AQIDBA==');
    expect(cspHash('abc')).toBe("'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
  });
});
