import { describe, expect, it } from 'vitest';
import { build } from '../editor/serialized';
import { renderFragment, renderStandalonePage, STYLESHEET, STYLESHEET_HASH } from './index';
import { everyNodeBody, pageInput, TINY_PNG } from './sample-drafts';

const page = () => renderStandalonePage(pageInput());

describe('standalone page', () => {
  it('is a complete document with lang, charset, viewport, title, description, CSP and social tags', () => {
    const { html } = page();
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>Why is medical leadership important? &lt;“A” &amp; \'B\'&gt; &lt;/script&gt;</title>');
    expect(html).toContain('<meta name="description" content="A consultant physician on splitting the week between care and leadership.">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="article:published_time" content="2015-03-12T09:30:00.000Z">');
    expect(html).toContain('<meta property="article:author" content="Binita Kane">');
    expect(html).toContain('<meta property="article:tag" content="NHS">');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${STYLESHEET_HASH}`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('has the header: label, h1, byline with each author role and organisation, and a time element', () => {
    const { html } = page();
    expect(html).toContain('<p class="post-label">Guest blog</p>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain(
      '<p class="byline">By <span class="author"><span class="author-name">Binita Kane</span>, Consultant Respiratory Physician, University Hospital of South Manchester</span> and <span class="author"><span class="author-name">A. N. Other</span>, The King’s Fund</span></p>',
    );
    expect(html).toContain('<time datetime="2015-03-12T09:30:00.000Z">12 March 2015</time>');
  });

  it('uses the planned date when the post is not yet published', () => {
    const input = pageInput();
    input.post.publishedAt = null;
    const { html } = renderStandalonePage(input);
    expect(html).toContain('<time datetime="2015-03-12">12 March 2015</time>');
    expect(html).not.toContain('article:published_time');
  });

  it('prints the series notice with the correct ordinal, and previous/next links', () => {
    const { html } = page();
    expect(html).toContain('<p class="series-notice">This is the third in a series of guest blogs that explores current issues and opportunities for clinical and medical leaders.</p>');
    expect(html).toContain('Previous: <a href="second-post.html" rel="prev">The second post</a>');
    expect(html).toContain('Next: <a href="fourth-post.html" rel="next">The fourth post</a>');
  });

  it('keeps JSON-LD as data: valid JSON whose text cannot close the script element', () => {
    const { html } = page();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0][1]).toBe(' type="application/ld+json"');
    expect(scripts[0][2]).not.toMatch(/[<>]/);
    const data = JSON.parse(scripts[0][2]);
    expect(data['@type']).toBe('BlogPosting');
    expect(data.headline).toBe('Why is medical leadership important? <“A” & \'B\'> </script>');
    expect(data.author[0]).toEqual({
      '@type': 'Person',
      name: 'Binita Kane',
      jobTitle: 'Consultant Respiratory Physician',
      affiliation: { '@type': 'Organization', name: 'University Hospital of South Manchester' },
    });
    expect(data.isPartOf.name).toBe('Clinical leadership');
  });

  it('contains no executable script, no on* attribute, no javascript: URL and no inline style attribute', () => {
    const { html } = page();
    expect(html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '')).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toContain('pre-wrap');
    expect(html).not.toMatch(/<li value/);
  });

  it('is byte-identical when rendered twice from equal input', () => {
    const a = renderStandalonePage(pageInput());
    const b = renderStandalonePage(pageInput());
    expect(a.html).toBe(b.html);
    expect(a.text).toBe(b.text);
  });

  it('leaves the stylesheet out when turned off, and forces a colour scheme with a class', () => {
    const plain = renderStandalonePage(pageInput({ options: { ...pageInput().options, stylesheet: false } })).html;
    expect(plain).not.toContain('<style>');
    expect(plain).toContain("style-src 'none'");
    const dark = renderStandalonePage(pageInput({ options: { ...pageInput().options, colorScheme: 'dark' } })).html;
    expect(dark).toContain('<html lang="en-GB" class="theme-dark">');
    expect(STYLESHEET).toContain('prefers-color-scheme:dark');
    expect(STYLESHEET).toContain(':root.theme-dark');
  });

  it('writes a plain-text version with the header, notice, body and notes', () => {
    const { text } = page();
    expect(text).toContain('By Binita Kane, Consultant Respiratory Physician, University Hospital of South Manchester and A. N. Other, The King’s Fund');
    expect(text).toContain('This is the third in a series');
    expect(text).toContain('- First level\n   1. Second level\n      - Third level');
    expect(text).toContain('[1] The first note, with <angle> & ampersand.');
  });
});

describe('body rendering', () => {
  const body = () => renderFragment(everyNodeBody(), { '0190a0b0-0000-7000-8000-000000000001': 'assets/ward.png' });

  it('maps every text format bit to a semantic tag', () => {
    const { html } = body();
    for (const tag of ['<strong>bold</strong>', '<em>italic</em>', '<u>underlined</u>', '<s>struck</s>', '<code>code &lt;b&gt;</code>', 'H<sub>2</sub>O', 'x<sup>2</sup>']) {
      expect(html).toContain(tag);
    }
    expect(html).toContain('<strong><em><u>all at once</u></em></strong>');
  });

  it('gives headings unique slug ids', () => {
    const { html } = body();
    expect(html).toContain('<h2 id="why-leadership-matters-to-whom">Why leadership matters &amp; to whom</h2>');
    expect(html).toContain('<h2 id="why-leadership-matters-to-whom-2">');
    expect(html).toContain('<h3 id="evidence">Evidence</h3>');
    expect(html).toContain('<h4 id="detail">Detail</h4>');
  });

  it('escapes link attributes and drops javascript: links but keeps their text', () => {
    const { html, warnings } = body();
    expect(html).toContain('<a href="https://www.example.org/a?b=1&amp;c=%222%22" title="A &quot;title&quot;">link</a>');
    expect(html).toContain('<a href="mailto:editor@example.org">link</a>');
    expect(html).toContain(', a dangerous script link and a note');
    expect(html).not.toMatch(/javascript/i);
    expect(warnings.map((w) => w.code)).toContain('link-unsafe');
  });

  it('drops disguised script URLs too', () => {
    for (const url of ['JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', '\u0001javascript:x', 'vbscript:x', 'data:text/html,<script>x</script>']) {
      const { html } = renderFragment(build.root([build.paragraph([build.link(url, [build.text('t')])])]));
      expect(html).toBe('<p>t</p>\n');
    }
  });

  it('nests lists three deep inside the previous item, without value attributes', () => {
    const { html } = body();
    expect(html).toContain(
      '<ul>\n<li>First level\n<ol>\n<li>Second level\n<ul>\n<li>Third level</li>\n<li>Third level, again</li>\n</ul></li>\n<li>Second again</li>\n</ol></li>\n<li>First again</li>\n</ul>',
    );
    expect(html).toContain('<ol start="3">\n<li>Step three</li>');
  });

  it('numbers footnotes in reading order with links both ways', () => {
    const { html } = body();
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" role="doc-noteref">1</a></sup>');
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn-2" id="fnref-2" role="doc-noteref">2</a></sup>');
    expect(html).toContain('<section class="footnotes" aria-label="Footnotes">\n<ol>\n<li id="fn-1"><p>The first note, with &lt;angle&gt; &amp; ampersand. <a href="#fnref-1"');
    expect(html.indexOf('id="fn-1"')).toBeLessThan(html.indexOf('id="fn-2"'));
  });

  it('renders quotes, pull quotes, figures with captions and rules', () => {
    const { html } = body();
    expect(html).toContain('<blockquote>\n<p>A quotation, with “curly” quotes and &lt;/script&gt;.</p>\n</blockquote>');
    expect(html).toContain('<aside class="pull-quote">\n<blockquote>\n<p>Leadership is about ensuring change benefits patients.</p>\n</blockquote>\n</aside>');
    expect(html).toContain('<figure>\n<img src="assets/ward.png" alt="A ward at night">\n<figcaption>The acute medical unit at 3am</figcaption>\n</figure>');
    expect(html).toContain(`<figure>\n<img src="${TINY_PNG}" alt="A tiny inline picture">\n</figure>`);
    expect(html).toContain('<hr>');
    expect(html).toContain('Line one<br>\nline two');
  });

  it('lists images without alt text and leaves out pictures it cannot find', () => {
    const state = build.root([build.image(TINY_PNG, ''), build.image('asset:missing', 'x'), build.image('https://evil.example/x.png', 'y')]);
    const { html, warnings } = renderFragment(state);
    expect(warnings.map((w) => w.code)).toEqual(['image-missing-alt', 'image-missing-source', 'image-unsupported-source']);
    expect(html).toBe(`<figure>\n<img src="${TINY_PNG}" alt="">\n</figure>\n`);
  });

  it('never lets a heading level skip', () => {
    const { html, warnings } = renderFragment(build.root([build.heading('h4', [build.text('Deep')]), build.heading('h2', [build.text('Top')])]));
    expect(html).toBe('<h2 id="deep">Deep</h2>\n<h2 id="top">Top</h2>\n');
    expect(warnings[0].code).toBe('heading-level-adjusted');
  });

  it('survives malformed stored state without throwing', () => {
    expect(renderFragment(null).html).toBe('');
    expect(renderFragment({ root: { children: [{ type: 'mystery', children: [{ type: 'text', text: '<x>' }] }, 7, null] } }).html).toBe('<p>&lt;x&gt;</p>\n');
  });

  it('strips control characters and keeps the fragment free of classes from the editor', () => {
    const { html } = renderFragment(build.root([build.paragraph([build.text('a\u0000b\u0007c\uFFFE')])]));
    expect(html).toBe('<p>abc</p>\n');
    expect(body().html).not.toMatch(/class="(?!footnote-ref|footnotes|pull-quote|table-scroll)/);
  });
});

describe('the social card', () => {
  it('writes the featured image with its alt text, the title and the standfirst as Open Graph and Twitter card tags', async () => {
    const { renderStandalonePage: render } = await import('./page');
    const { pageInput } = await import('./sample-drafts');
    const base = pageInput();
    const input = {
      ...base,
      featuredImage: { src: 'asset:00000000-0000-7000-8000-0000000000aa', alt: 'A ward at night' },
      options: { ...base.options, assetUrls: { '00000000-0000-7000-8000-0000000000aa': 'assets/ward.png' }, canonicalUrl: 'https://blog.example.org/posts/x.html' },
    };
    const html = render(input).html;
    expect(html).toContain('<meta property="og:image" content="https://blog.example.org/posts/assets/ward.png">');
    expect(html).toContain('<meta property="og:image:alt" content="A ward at night">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toMatch(/<meta name="twitter:title" content="[^"]+">/);
    expect(html).toMatch(/<meta name="twitter:description" content="[^"]+">/);
    expect(html).toContain('<meta name="twitter:image:alt" content="A ward at night">');
    const bare = render({ ...base, featuredImage: null }).html;
    expect(bare).toContain('<meta name="twitter:card" content="summary">');
    expect(bare).not.toContain('og:image');
  });
});
