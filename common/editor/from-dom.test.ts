import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { htmlToEditorState } from './from-dom';
import { build, TEXT_FORMAT } from './serialized';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function convert(html: string) {
  return htmlToEditorState(new JSDOM(`<!doctype html><body>${html}</body>`).window.document);
}
function blocks(html: string) {
  return convert(html).body.root.children;
}

describe('htmlToEditorState', () => {
  it('maps paragraphs and collapses whitespace as a browser renders it', () => {
    expect(blocks('<p>  Hello\n   world </p><p>Second</p>')).toEqual([build.paragraph([build.text('Hello world')]), build.paragraph([build.text('Second')])]);
  });

  it('maps h1 and h2 to h2, h3 to h3, and h4 to h6 to h4', () => {
    const tags = blocks('<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>').map((b) => (b.type === 'heading' ? b.tag : b.type));
    expect(tags).toEqual(['h2', 'h2', 'h3', 'h4', 'h4', 'h4']);
  });

  it('keeps every inline format: strong/b, em/i, u, s/strike/del, code, sub, sup, nested', () => {
    const [p] = blocks('<p><strong>1</strong><b>2</b><em>3</em><i>4</i><u>5</u><s>6</s><strike>7</strike><del>8</del><code>9</code><sub>10</sub><sup>11</sup><b><i>12</i></b></p>');
    const formats = (p as { children: { format: number }[] }).children.map((c) => c.format);
    const F = TEXT_FORMAT;
    expect(formats).toEqual([F.bold, F.italic, F.underline, F.strikethrough, F.code, F.subscript, F.superscript, F.bold | F.italic]);
  });

  it('reads emphasis written as inline style, as Google Docs and Word do', () => {
    const [p] = blocks('<b style="font-weight:normal" id="docs-internal-guid-1"><p><span style="font-weight:700">B</span><span style="font-style:italic">I</span><span style="text-decoration:underline">U</span><span style="text-decoration:line-through">S</span><span style="vertical-align:super">P</span><span>plain</span></p></b>');
    const formats = (p as { children: { format: number }[] }).children.map((c) => c.format);
    const F = TEXT_FORMAT;
    expect(formats).toEqual([F.bold, F.italic, F.underline, F.strikethrough, F.superscript, 0]);
  });

  it('reads an inline element that wraps whole paragraphs as a container, keeping them apart', () => {
    expect(blocks('<b style="font-weight:normal"><p>one</p><p>two</p></b>')).toEqual([build.paragraph([build.text('one')]), build.paragraph([build.text('two')])]);
  });

  it('keeps http, https, mailto and # links and turns other links into plain text with a warning', () => {
    const r = convert(
      '<p><a href="https://example.org/x" title="T">web</a> <a href="mailto:a@b.org">mail</a> <a href="#sec">anchor</a> <a href="javascript:alert(1)">bad</a> <a href="file:///etc/passwd">file</a></p>',
    );
    const [p] = r.body.root.children as { children: { type: string; url?: string; text?: string }[] }[];
    expect(p.children.filter((c) => c.type === 'link').map((c) => c.url)).toEqual(['https://example.org/x', 'mailto:a@b.org', '#sec']);
    expect(p.children.map((c) => (c.type === 'link' ? '[link]' : c.text)).join('')).toBe('[link] [link] [link] bad file');
    expect(r.warnings.join(' ')).toContain('javascript:alert(1)');
  });

  it('keeps line breaks inside a paragraph and a horizontal rule between blocks', () => {
    expect(blocks('<p>one<br>two</p><hr><p>three</p>')).toEqual([
      build.paragraph([build.text('one'), build.lineBreak(), build.text('two')]),
      build.horizontalRule(),
      build.paragraph([build.text('three')]),
    ]);
  });

  it('maps nested ul and ol with start, marking the depth of nested items', () => {
    const [list] = blocks('<ol start="3"><li>first<ul><li>inner <em>a</em></li><li>inner b</li></ul></li><li><p>second</p></li></ol>');
    const inner = build.list('bullet', [[build.text('inner '), build.text('a', ['italic'])], [build.text('inner b')]]);
    for (const item of inner.children) item.indent = 1;
    expect(list).toEqual(build.list('number', [[build.text('first')], inner, [build.text('second')]], 3));
  });

  it('maps blockquote to a quote (paragraphs become lines) and pull quotes from aside.pullquote or blockquote.pullquote', () => {
    expect(blocks('<blockquote><p>one</p><p>two</p></blockquote>')).toEqual([build.quote([build.text('one'), build.lineBreak(), build.text('two')])]);
    expect(blocks('<aside class="pullquote"><blockquote>Big words</blockquote></aside><blockquote class="x pullquote">More</blockquote>')).toEqual([
      build.pullQuote([build.text('Big words')]),
      build.pullQuote([build.text('More')]),
    ]);
  });

  it('keeps data: images with alt, size and figure caption, and drops remote images with a warning', () => {
    const r = convert(`<figure><img src="${PNG}" alt="A dot" width="10" height="20"><figcaption>The caption</figcaption></figure><p>before<img src="https://evil.example/x.png" alt="remote">after</p><p>x<img src="${PNG}" alt="inline">y</p>`);
    expect(r.body.root.children).toEqual([
      build.image(PNG, 'A dot', 'The caption', 10, 20),
      build.paragraph([build.text('beforeafter')]),
      build.paragraph([build.text('x')]),
      build.image(PNG, 'inline'),
      build.paragraph([build.text('y')]),
    ]);
    expect(r.warnings.some((w) => w.includes('https://evil.example/x.png'))).toBe(true);
  });

  it('warns about an image without alt text but keeps it', () => {
    const r = convert(`<img src="${PNG}">`);
    expect(r.body.root.children).toEqual([build.image(PNG, '')]);
    expect(r.warnings[0]).toMatch(/no alt text/);
  });

  it('drops scripts, styles and forms with their content and unwraps unknown elements to text', () => {
    expect(blocks('<script>alert(1)</script><style>p{}</style><div><section><span class="x" onclick="evil()">Plain <font>text</font></span></section></div><form><input value="no"></form>')).toEqual([
      build.paragraph([build.text('Plain text')]),
    ]);
  });

  it('gathers loose text between blocks into paragraphs and keeps pre as code lines', () => {
    expect(blocks('loose <b>bold</b><p>para</p><pre>a\n  b</pre>')).toEqual([
      build.paragraph([build.text('loose '), build.text('bold', ['bold'])]),
      build.paragraph([build.text('para')]),
      build.paragraph([build.text('a', ['code']), build.lineBreak(), build.text('  b', ['code'])]),
    ]);
  });

  it('turns a footnote marker from pasted HTML into a footnote node', () => {
    expect(blocks('<p>Claim<sup data-footnote="Source, 2020">1</sup>.</p>')).toEqual([build.paragraph([build.text('Claim'), build.footnote('Source, 2020'), build.text('.')])]);
  });

  it('gives an empty paragraph for an empty document and converts from one element', () => {
    expect(blocks('')).toEqual([build.paragraph([])]);
    const doc = new JSDOM('<body><main id="m"><p>in</p></main><p>out</p></body>').window.document;
    expect(htmlToEditorState(doc.getElementById('m')!).body.root.children).toEqual([build.paragraph([build.text('in')])]);
  });

  it('keeps a table: header row, header column, spans, caption, cells of several blocks', () => {
    const { body, warnings } = convert(
      '<table><caption> Beds  by unit </caption><thead><tr><th>Unit</th><th colspan="2">Beds</th></tr></thead>' +
        '<tbody><tr><th>Acute</th><td><b>31</b></td><td><p>one</p><p>two</p></td></tr><tr><th scope="row">Renal</th><td colspan="2"></td></tr></tbody></table>',
    );
    const cell = (children: any[], header: 0 | 1 | 2 | 3 = 0, colSpan = 1) => build.tableCell(children, header, colSpan);
    expect(body.root.children).toEqual([
      build.table(
        [
          build.tableRow([cell([build.paragraph([build.text('Unit')])], 1), cell([build.paragraph([build.text('Beds')])], 1, 2)]),
          build.tableRow([
            cell([build.paragraph([build.text('Acute')])], 2),
            cell([build.paragraph([build.text('31', ['bold'])])]),
            cell([build.paragraph([build.text('one')]), build.paragraph([build.text('two')])]),
          ]),
          build.tableRow([cell([build.paragraph([build.text('Renal')])], 2), cell([], 0, 2)]),
        ],
        'Beds by unit',
      ),
    ]);
    expect(warnings).toEqual([]);
  });

  it('a row header in the first row does not make it a header row; a ragged table is filled and says so', () => {
    const { body, warnings } = convert('<table><tr><th>Beds</th><td>3</td><td>4</td></tr><tr><td>x</td></tr></table>');
    const table = body.root.children[0] as any;
    expect(table.children[0].children.map((c: any) => c.headerState)).toEqual([2, 0, 0]);
    expect(table.children[1].children).toHaveLength(3);
    expect(warnings).toEqual(['Table 1: rows with fewer cells than the table is wide were filled with empty cells.']);
  });
});
