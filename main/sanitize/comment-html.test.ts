import { describe, expect, it } from 'vitest';
import { cleanCommentBody, sanitizeCommentHtml, sanitizeWithDomPurify, textToHtml } from './comment-html';
import { sanitizeSimpleHtml } from './simple-html';
import { sanitizeParsedHtml } from './parsed-html';
import { HOSTILE_CORPUS } from '../testing/hostile-corpus';
import { findActiveContent } from '../testing/active-content';
import { seededRandom } from '../../common/random';

const clean = (html: string) => sanitizeCommentHtml(html).html;

describe('comment HTML sanitizer', () => {
  it('removes scripts with their content and every event handler', () => {
    const out = clean('<p onclick="steal()">Hi<script>alert(1)</script><img src=x onerror="alert(2)"><b onmouseover="x()">bold</b></p>');
    expect(out).toBe('<p>Hi<b>bold</b></p>');
  });

  it('keeps only http, https and mailto links, with rel="nofollow ugc noopener"', () => {
    expect(clean('<a href="https://example.org/x" target="_blank" rel="opener">ok</a>')).toBe('<p><a href="https://example.org/x" rel="nofollow ugc noopener">ok</a></p>');
    expect(clean('<a href="mailto:a@b.org">mail</a>')).toBe('<p><a href="mailto:a@b.org" rel="nofollow ugc noopener">mail</a></p>');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/']) {
      expect(clean(`<a href="${bad}">x</a>`), bad).toBe('<p><a rel="nofollow ugc noopener">x</a></p>');
    }
  });

  it('drops svg and math payloads', () => {
    const out = clean('<svg><script>alert(1)</script><a xlink:href="javascript:alert(2)">s</a></svg><math><mi xlink:href="javascript:alert(3)">m</mi></math>ok');
    expect(out).not.toMatch(/svg|math|script|javascript|xlink/i);
    expect(out).toContain('ok');
  });

  it('defeats noscript and template mutation tricks', () => {
    const a = clean('<noscript><p title="</noscript><img src=x onerror=alert(1)>">');
    const b = clean('<template><script>alert(1)</script></template><form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>');
    for (const out of [a, b]) expect(out).not.toMatch(/<img|onerror|<script|<style|<template|<noscript/i);
  });

  it('strips id and name so a comment cannot clobber DOM globals', () => {
    const out = clean('<p id="cookie" name="body">a</p><a name="location" id="x" href="https://e.org">b</a><form name="getElementById"></form>');
    expect(out).not.toMatch(/\bid=|\bname=|<form/);
  });

  it('keeps the allowed structure and unwraps everything else to its text', () => {
    const out = clean('<div><h1>Head</h1><p>a <em>b</em> <strong>c</strong> <i>d</i> <code>e</code></p><blockquote>q</blockquote><pre>p</pre><ul><li>1</li></ul><ol><li>2</li></ol><span style="color:red">s</span><iframe src="https://x"></iframe></div>');
    expect(out).toBe('Head<p>a <em>b</em> <strong>c</strong> <i>d</i> <code>e</code></p><blockquote>q</blockquote><pre>p</pre><ul><li>1</li></ul><ol><li>2</li></ol>s');
  });

  it('gives plain text with paragraphs and line breaks for search', () => {
    expect(sanitizeCommentHtml('<p>One<br>two</p><p>Three &amp; <a href="https://x.org">four</a></p>').text).toBe('One\ntwo\n\nThree & four');
    expect(sanitizeCommentHtml('First line\nsecond &amp; more\n\nNext para').html).toBe('<p>First line<br>second &amp; more</p><p>Next para</p>');
  });

  it('escapes plain bodies without touching the DOM and keeps RTL, zero-width and emoji characters', () => {
    const text = 'שלום <b>not bold</b>\u200b\u200fجيد 👩🏽‍⚕️\r\n\r\nnext';
    expect(textToHtml(text)).toEqual({ html: '<p>שלום &lt;b&gt;not bold&lt;/b&gt;\u200b\u200fجيد 👩🏽‍⚕️</p><p>next</p>', text: 'שלום <b>not bold</b>\u200b\u200fجيد 👩🏽‍⚕️\n\nnext' });
    expect(cleanCommentBody('plain 👍', true)).toEqual({ html: '<p>plain 👍</p>', text: 'plain 👍' });
  });

  it('produces the same HTML when its own output is sanitized again, so re-imports compare equal', () => {
    for (const body of ['Tom & Jerry\u00a0say <hi>', 'a\nb\n\nc']) {
      const once = textToHtml(body);
      expect(sanitizeCommentHtml(once.html)).toEqual(once);
    }
  });
});

describe('fast path for simple markup', () => {
  const samples = [
    '<p>Hello <em>there</em> &amp; <strong>welcome</strong></p><p>Second&nbsp;para &#8217;quoted&#8217; &lt;tag&gt;</p>',
    '<p>See <a href="https://example.org/a?b=1">this</a> and <a href="javascript:alert(1)">that</a> or <a href="mailto:x@y.org">mail</a></p>',
    'Line one<br>line two<br/>three <b>bold</b> <i>it</i> <code>x &lt; y</code>',
    '<p>a</p>\n<p>b</p>',
    '<p>Emoji 😀 and RTL שלום\u200b and "quotes" \'single\'</p>',
    'text with &#x1F600; and &#169; and tabs\tbetween   <p>then para</p> trailing',
    '<p>Tom & Jerry > 3 and 2 < 5 and x<=y</p>',
    // A line break ending a paragraph is the paragraph's last line break in the text too.
    '<p>a<br></p>b',
    '<blockquote>Quoted <em>words</em></blockquote><p>and a reply</p>',
    'Intro!\n\n<blockquote>Quoted &amp; <a href="https://example.org/">linked</a></blockquote>\n\nThe reply',
    '<blockquote>\n<p>one</p>\n<p>two<br></p>\n</blockquote>after<p>last</p>',
  ];
  it('gives exactly what DOMPurify gives for the markup it accepts', () => {
    for (const html of samples) {
      const fast = sanitizeSimpleHtml(html);
      expect(fast, html).not.toBeNull();
      expect(fast, html).toEqual(sanitizeWithDomPurify(html));
    }
  });

  it('hands anything unusual to DOMPurify', () => {
    const unusual = ['<p onclick="x()">a</p>', '<b><i>a</b></i>', '<p><p>a</p></p>', '<script>x</script>', '<a href="https://x" title="t">a</a>', '&hellip;', 'a <b', '<b>unclosed'];
    // Quotes the HTML parser rearranges: nested, inside a paragraph (which it closes), closed with an element open.
    const quotes = ['<blockquote><blockquote>n</blockquote></blockquote>', '<p>a<blockquote>b</blockquote></p>', '<blockquote><b>x</blockquote>', '<blockquote><p>x</blockquote>', '<blockquote>open'];
    for (const html of [...unusual, ...quotes]) {
      expect(sanitizeSimpleHtml(html), html).toBeNull();
    }
  });

  it('gives what DOMPurify gives, or hands over, on random markup of its own tags (seed 3)', () => {
    const next = seededRandom(3);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const texts = ['text', ' ', '\n', '\n\n', ' \t\n', '&amp;', '&nbsp;', '&#8217;', '< ', '> ', 'x & y'];
    const inline = (depth: number): string => {
      let out = '';
      for (let n = Math.floor(next() * 4); n > 0; n--) {
        const r = next();
        if (r < 0.5 || depth > 1) out += pick(texts);
        else if (r < 0.6) out += '<br>';
        else {
          const [open, close] = pick([['<em>', '</em>'], ['<b>', '</b>'], ['<code>', '</code>'], ['<a href="https://x.example/">', '</a>']]);
          out += open + inline(depth + 1) + close;
        }
      }
      return out;
    };
    const blocks = (inQuote: boolean): string => {
      let out = '';
      for (let n = 1 + Math.floor(next() * 4); n > 0; n--) {
        const r = next();
        if (r < 0.35) out += inline(0);
        else if (r < 0.75 || inQuote) out += `<p>${inline(0)}</p>`;
        else out += `<blockquote>${blocks(true)}</blockquote>`;
      }
      return out;
    };
    // Well-formed markup, and one piece in five with a stray tag the parser may rearrange it around.
    const strays = ['<p>', '</p>', '<blockquote>', '</blockquote>', '<b>', '</b>', '</em>'];
    let taken = 0;
    for (let i = 0; i < 400; i++) {
      let html = blocks(false);
      if (next() < 0.2) {
        const at = Math.floor(next() * (html.length + 1));
        html = html.slice(0, at) + pick(strays) + html.slice(at);
      }
      const fast = sanitizeSimpleHtml(html);
      if (!fast) continue;
      taken++;
      expect(fast, JSON.stringify(html)).toEqual(sanitizeWithDomPurify(html));
    }
    // Enough accepted for the comparison to mean something.
    expect(taken).toBeGreaterThan(200);
  }, 120_000);
});

describe('parse5 path for ordinary and hostile markup', () => {
  const ordinary = [
    '<blockquote>Quoted <em>words</em></blockquote><p>and a reply</p>',
    '<ul><li>one<li>two <b>bold</ul><ol><li><p>para in item</p></li></ol>',
    '<b><i>misnested</b></i> text',
    '<p><p>nested</p></p>',
    '<p>a block <blockquote>closes the paragraph</blockquote> after</p>',
    '<a href="https://a.example/"><a href="https://b.example/">nested links</a></a>',
    '<a href=" https://x.example/a?b=1&amp;c=2 " title="t" target="_blank">trimmed, with entity</a>',
    '<div><h1>Heading</h1><span class="x">span</span> <font color="red">font</font> <u>u</u> <q>q</q></div>',
    '<pre>code\n  indented &lt;tag&gt;</pre><code>x &amp;&amp; y</code>',
    'line<br/>break<hr>rule <img src="x.png" alt="pic"> <wbr>end',
    '<dl><dt>term</dt><dd>definition</dd></dl><figure><figcaption>cap</figcaption></figure>',
    '<p>&hellip; &copy; &nbsp; &#128512; &unknown; <3 a > b</p>',
    '<title>head first</title><p>then body</p>',
  ];

  it('gives exactly what DOMPurify gives for every body it accepts, hostile corpus included', () => {
    let taken = 0;
    for (const html of [...ordinary, ...HOSTILE_CORPUS.map((s) => s.html)]) {
      const ours = sanitizeParsedHtml(html);
      if (!ours) continue;
      taken++;
      expect(ours, html).toEqual(sanitizeWithDomPurify(html));
    }
    // It must take nearly all of them, or the import is back on the slow path.
    expect(taken).toBeGreaterThanOrEqual(ordinary.length + HOSTILE_CORPUS.length - 12);
    for (const html of ordinary) expect(sanitizeParsedHtml(html), html).not.toBeNull();
  });

  it('removes scripts, styles, svg, math, templates, noscript and iframes with everything inside them', () => {
    const html = '<p>a<script>alert(1)</script><style>p{}</style>b</p><svg><a href="https://x"><text>svg</text></a></svg><math><mi>m</mi></math><template><p>t</p></template><noscript><p>n</p></noscript><iframe src="https://x">i</iframe><video><source src=x onerror=alert(1)>v</video>c';
    expect(sanitizeParsedHtml(html)).toEqual({ html: '<p>ab</p>c', text: 'ab\nc' });
    expect(sanitizeWithDomPurify(html)).toEqual({ html: '<p>ab</p>c', text: 'ab\nc' });
  });

  it('hands comments, forms, tables, custom elements and odd links to DOMPurify', () => {
    for (const html of ['<p>a<!-- x --></p>', '<form><p>f</p></form>', '<table><tr><td>x</td></tr></table>', '<my-widget>w</my-widget>', '<a href="https://x.example/ a">gap</a>', '<select><option>o</option></select>', '<textarea>t</textarea>']) {
      expect(sanitizeParsedHtml(html), html).toBeNull();
    }
  });

  it('leaves nothing active in any hostile corpus body, whichever path sanitizes it', () => {
    const active = HOSTILE_CORPUS.flatMap((s) => findActiveContent(sanitizeCommentHtml(s.html).html).map((p) => `${s.name}: ${p}`));
    expect(active).toEqual([]);
    for (const s of HOSTILE_CORPUS) if (s.keep) expect(sanitizeCommentHtml(s.html).text, s.name).toContain(s.keep);
  });
});

describe('markup nested deeper than DOMPurify can walk', () => {
  it('is sanitized without overflowing the stack: scripts dropped, other unusual elements unwrapped to their text', () => {
    const deep = `${'<div><form>'.repeat(3000)}<p>kept <b>words</b></p><script>alert(1)</script><a href="javascript:x">link</a><!-- c -->${'</form></div>'.repeat(3000)}`;
    const out = sanitizeCommentHtml(deep);
    expect(out.text).toBe('kept words\nlink');
    expect(findActiveContent(out.html)).toEqual([]);
    const kept = sanitizeCommentHtml(`${'<b>'.repeat(400)}x`);
    expect(kept.text).toBe('x');
    expect(kept.html.match(/<b>/g)!.length).toBeLessThanOrEqual(100);
  });
});
