import { describe, expect, it } from 'vitest';
import { sanitizeCommentHtml } from './sanitize';

describe('comment HTML allow-list', () => {
  it('keeps simple formatting and links, with safe rel', () => {
    expect(sanitizeCommentHtml('<p>Hello <b>bold</b> <i>it</i> <a href="https://x.org/?a=1&amp;b=2">x</a></p>')).toBe(
      '<p>Hello <strong>bold</strong> <em>it</em> <a href="https://x.org/?a=1&amp;b=2" rel="nofollow ugc">x</a></p>',
    );
  });

  it('drops scripts with their content, event handlers, styles and javascript: links', () => {
    const out = sanitizeCommentHtml('<p onclick="x()" style="color:red">a<script>alert(1)</script><a href="javascript:alert(1)">b</a><img src=x onerror=alert(1)><style>p{}</style></p>');
    expect(out).toBe('<p>ab</p>');
  });

  it('wraps bare text in paragraphs and closes what was left open', () => {
    expect(sanitizeCommentHtml('one<br>two<p>three<em>four')).toBe('<p>one<br>two</p><p>three<em>four</em></p>');
  });

  it('nests lists properly and never puts a block inside a paragraph', () => {
    expect(sanitizeCommentHtml('<p>intro<ul><li>a<li>b</ul>after')).toBe('<p>intro</p><ul><li>a</li><li>b</li></ul><p>after</p>');
    expect(sanitizeCommentHtml('<li>stray</li>')).toBe('<ul><li>stray</li></ul>');
  });

  it('re-escapes decoded entities and unknown tags become text only', () => {
    expect(sanitizeCommentHtml('<p>&lt;script&gt; &amp; &#60;b&#62; <custom-el>kept</custom-el> <!-- hidden --></p>')).toBe(
      '<p>&lt;script&gt; &amp; &lt;b&gt; kept </p>',
    );
  });

  it('ignores stray end tags and refuses nested links', () => {
    expect(sanitizeCommentHtml('<p>a</em></strong><a href="/x">b<a href="/y">c</a></p>')).toBe('<p>a<a href="/x" rel="nofollow ugc">bc</a></p>');
  });

  it('keeps the text after a void element it does not allow', () => {
    expect(sanitizeCommentHtml('<p>before <embed src="x.swf"> after</p>')).toBe('<p>before  after</p>');
  });

  it('handles unterminated tags and comments without losing later text', () => {
    expect(sanitizeCommentHtml('<p>a <!-- never closed')).toBe('<p>a </p>');
    expect(sanitizeCommentHtml('<p>x < y</p>')).toBe('<p>x &lt; y</p>');
  });
});
