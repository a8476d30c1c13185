// Post bodies are converted on a parse5 tree (parse5-dom.ts) instead of jsdom: the two must give
// the same editor state for the same HTML, from ordinary WordPress content to hostile markup.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlToEditorState } from '../../common/editor/from-dom';
import { HOSTILE_CORPUS } from '../testing/hostile-corpus';
import { postBodyFromHtml, withParagraphs } from './post-body';
import { parseBodyHtml } from './parse5-dom';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
function viaJsdom(html: string) {
  const doc = window.document.implementation.createHTMLDocument('');
  doc.body.innerHTML = withParagraphs(html);
  return htmlToEditorState(doc).body;
}

const ORDINARY = [
  'First line\nsecond line\n\nA new paragraph with <em>emphasis</em> &amp; an <a href="https://example.org/x">ordinary link</a>.',
  '<h2>Heading</h2><p>Text with <strong>bold <em>and italic</em></strong> and <code>code</code>.</p><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><ol start="3"><li>three</li></ol>',
  '<blockquote><p>A quote</p><cite>Someone</cite></blockquote><aside class="pullquote"><blockquote>Pulled</blockquote></aside><hr><pre>line 1\n  line 2\n</pre>',
  '<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="A dot" width="1" height="1"><figcaption>The <b>caption</b></figcaption></figure>',
  '<figure class="pullquote"><blockquote><p>Figure quote</p></blockquote></figure><p style="font-weight:bold">Styled</p><span style="font-style: italic">it</span>',
  '<div><p>In a div</p>loose text <span>and a span</span><section><h5>Deep</h5></section></div>',
  '<table><caption>T</caption><tr><th>a</th><td>b</td></tr></table><dl><dt>term</dt><dd>definition</dd></dl><details><summary>S</summary>D</details>',
  '<p>Unclosed <b>bold<p>next<li>stray item<tr><td>stray cell</td></tr><template><p>hidden</p></template><!-- a comment --><svg><title>x</title><p>out of svg</p></svg>',
  '<p>Footnote<sup data-footnote="The note">1</sup> and <a href="javascript:alert(1)">bad link</a> &nbsp; &lt;tag&gt;</p><html><body><p>nested html</p></body></html>',
];

describe('post bodies without jsdom', () => {
  it.each(ORDINARY.map((html, i) => [i, html]))('ordinary markup %i converts as on jsdom', (_i, html) => {
    expect(postBodyFromHtml(html as string)).toEqual(viaJsdom(html as string));
  });

  it('every hostile corpus entry converts as on jsdom', () => {
    for (const s of HOSTILE_CORPUS) expect(postBodyFromHtml(s.html), s.name).toEqual(viaJsdom(s.html));
  });

  it('refuses a selector it does not implement rather than answering wrongly', () => {
    expect(() => parseBodyHtml('<p>x</p>').querySelector('p.a')).toThrow(/tag-name selectors only/);
  });
});
