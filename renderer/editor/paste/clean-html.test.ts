import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { cleanPastedHtml } from './clean-html';

const clean = (html: string) => cleanPastedHtml(new JSDOM(html).window.document).innerHTML.replace(/\s+/g, ' ').trim();

describe('cleanPastedHtml', () => {
  it('turns Word list paragraphs into nested lists and drops mso styling, o:p and classes', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:Calibri}</style></head><body>
<h1 class="MsoTitle" style="mso-line-height-rule:exactly">Title<o:p></o:p></h1>
<p class="MsoNormal" style="font-family:Calibri;mso-bidi-font-weight:bold"><b>Bold</b> and <i>italic</i><o:p></o:p></p>
<p class="MsoListParagraphCxSpFirst" style="text-indent:-18.0pt;mso-list:l0 level1 lfo1"><span style="font-family:Symbol;mso-list:Ignore">·<span style="font:7.0pt">&nbsp;&nbsp;</span></span>First<o:p></o:p></p>
<p class="MsoListParagraphCxSpMiddle" style="mso-list:l0 level2 lfo1"><span style="mso-list:Ignore">o<span>&nbsp;</span></span>Nested</p>
<p class="MsoListParagraphCxSpLast" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·</span>Second</p>
<p class="MsoListParagraphCxSpFirst" style="mso-list:l1 level1 lfo2"><span style="mso-list:Ignore">1.<span>&nbsp;</span></span>One</p>
<script>alert(1)</script></body></html>`;
    expect(clean(word)).toBe(
      '<h1>Title</h1> <p><b>Bold</b> and <i>italic</i></p> <ul><li>First<ul><li>Nested</li></ul></li><li>Second</li></ul> <ol><li>One</li></ol>',
    );
  });

  it('unwraps the Google Docs guid wrapper and turns its CSS bold and italic into elements', () => {
    const docs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><h2 dir="ltr" style="line-height:1.38"><span style="font-size:16pt;font-family:Arial">Heading</span></h2><p dir="ltr"><span style="font-weight:700">Strong</span> <span style="font-style:italic">soft</span> <a href="https://example.org/x" style="text-decoration:none"><span style="color:#1155cc;text-decoration:underline">link</span></a></p><ul><li dir="ltr" aria-level="1"><p dir="ltr" role="presentation"><span>item</span></p></li></ul></b>`;
    expect(clean(docs)).toBe(
      '<h2>Heading</h2><p><strong>Strong</strong> <em>soft</em> <a href="https://example.org/x"><u>link</u></a></p><ul><li>item</li></ul>',
    );
  });

  it('drops scripts, event handlers, unsafe links and remote images, keeping their text where it is text', () => {
    const web = `<div class="post" onclick="x()"><p id="a" style="color:red">Hi <a href="javascript:alert(1)">there</a> <a href="mailto:a@b.org" target="_blank" rel="x">mail</a></p><img src="https://tracker.example/p.gif"><iframe src="https://x"></iframe><style>.x{}</style></div>`;
    expect(clean(web)).toBe('<p>Hi there <a href="mailto:a@b.org">mail</a></p>');
  });

  it('keeps a Word table with its cells, header cells and spans, and moves the caption onto it', () => {
    const word = `<table class="MsoTableGrid" border="1" style="border-collapse:collapse"><caption style="color:red">Beds by unit</caption><colgroup><col width="120"></colgroup><tbody><tr style="height:10pt"><th scope="col" style="width:120pt">Unit<o:p></o:p></th><th scope="col" colspan="2" width="240" valign="top">Years</th></tr><tr><td valign="top"><p class="MsoNormal">Acute<o:p></o:p></p></td><td rowspan="abc">1</td><td colspan="1000000">2</td></tr></tbody></table>`;
    expect(clean(word)).toBe(
      '<table data-caption="Beds by unit"><tbody><tr><th>Unit</th><th colspan="2">Years</th></tr><tr><td><p>Acute</p></td><td>1</td><td colspan="64">2</td></tr></tbody></table>',
    );
  });

  it('flattens a table inside a table cell into the cell’s paragraphs', () => {
    const html = '<table><tr><td>Outer<table><caption>Inner</caption><tr><td>a</td><td>b</td></tr></table></td></tr></table>';
    expect(clean(html)).toBe('<table><tbody><tr><td>OuterInner<p>a</p><p>b</p></td></tr></tbody></table>');
  });
});
