import { describe, expect, it } from 'vitest';
import { cleanCommentBody, sanitizeCommentHtml, sanitizeWithDomPurify, textToHtml } from './comment-html';
import { sanitizeSimpleHtml } from './simple-html';

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
  ];
  it('gives exactly what DOMPurify gives for the markup it accepts', () => {
    for (const html of samples) {
      const fast = sanitizeSimpleHtml(html);
      expect(fast, html).not.toBeNull();
      expect(fast, html).toEqual(sanitizeWithDomPurify(html));
    }
  });

  it('hands anything unusual to DOMPurify', () => {
    for (const html of ['<p onclick="x()">a</p>', '<b><i>a</b></i>', '<p><p>a</p></p>', '<script>x</script>', '<a href="https://x" title="t">a</a>', '&hellip;', 'a <b', '<blockquote>q</blockquote>', '<b>unclosed']) {
      expect(sanitizeSimpleHtml(html), html).toBeNull();
    }
  });
});
