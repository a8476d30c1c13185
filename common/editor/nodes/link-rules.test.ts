import { describe, expect, it } from 'vitest';
import { isAllowedUrl } from './link-rules';

describe('isAllowedUrl', () => {
  it('accepts web pages, mail and in-document anchors', () => {
    for (const url of ['https://example.org', 'http://example.org/a?b=1#c', 'mailto:editor@example.org', '#footnotes', 'https://sub.example.co.uk/path'])
      expect(isAllowedUrl(url), url).toBe(true);
  });
  it('refuses scripts, data, files, relative paths and malformed addresses', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>', 'file:///etc/passwd', '/relative', 'example.org', 'https://', '# space', 'vbscript:x', 'https://exa mple.org'])
      expect(isAllowedUrl(url), url).toBe(false);
  });
});
