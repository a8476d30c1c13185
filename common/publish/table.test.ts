import { describe, expect, it } from 'vitest';
import { build } from '../editor/serialized';
import { renderFragment } from './index';
import { sampleTable } from './sample-drafts';

describe('tables in the export', () => {
  it('writes a caption, a thead of column headers, row headers, spans, and a labelled scrolling region', () => {
    const { html, warnings } = renderFragment(build.root([sampleTable()]));
    expect(html).toContain(
      [
        '<div class="table-scroll" role="region" aria-label="Beds by unit &amp; year" tabindex="0">',
        '<table>',
        '<caption>Beds by unit &amp; year</caption>',
        '<thead>',
        '<tr><th scope="col">Unit</th><th scope="col">2024</th><th scope="col">2025 &lt;est.&gt;</th></tr>',
        '</thead>',
        '<tbody>',
        '<tr><th scope="row">Acute medicine</th><td>31<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" role="doc-noteref">1</a></sup></td><td>34</td></tr>',
        '<tr><th scope="row">Respiratory</th><td colspan="2">Merged with acute medicine</td></tr>',
        '</tbody>',
        '</table>',
        '</div>',
      ].join('\n'),
    );
    expect(html).toContain('<li id="fn-1"><p>Beds open at year end.');
    expect(warnings).toEqual([]);
  });

  it('a table without caption or header row has a numbered label and only a tbody', () => {
    const cell = (t: string) => build.tableCell([build.paragraph([build.text(t)])]);
    const { html } = renderFragment(build.root([build.table([build.tableRow([cell('a'), cell('b')])])]));
    expect(html).toContain('aria-label="Table 1"');
    expect(html).not.toContain('<thead>');
    expect(html).not.toContain('<caption>');
  });

  it('a cell of several blocks keeps them as blocks', () => {
    const cell = build.tableCell([build.paragraph([build.text('one')]), build.list('bullet', [[build.text('two')]])]);
    const { html } = renderFragment(build.root([build.table([build.tableRow([cell])])]));
    expect(html).toContain('<td><p>one</p>\n<ul>\n<li>two</li>\n</ul></td>');
  });

  it('a hostile table is reshaped with a warning that says which table and what changed', () => {
    const body = { root: { type: 'root', children: [{ type: 'table', $: { caption: 'Odd' }, children: [
      { type: 'tablerow', children: [{ type: 'tablecell', colSpan: 1e12, children: [{ type: 'paragraph', children: [{ type: 'text', text: 'wide' }] }] }] },
      { type: 'tablerow', children: [{ type: 'tablecell', children: [] }, { type: 'tablecell', children: [] }, { type: 'tablecell', children: [] }] },
      { type: 'tablerow', children: [{ type: 'tablecell', children: [] }] },
    ] }] } };
    const { html, warnings } = renderFragment(body);
    expect(html).toContain('<tr><td colspan="3">wide</td></tr>');
    expect(html).toContain('<tr><td></td><td></td><td></td></tr>\n</tbody>');
    expect(warnings.map((w) => w.message)).toEqual([
      'table 1 ("Odd"): a cell that spanned beyond its table was cut to fit',
      'table 1 ("Odd"): rows with fewer cells than the table is wide were filled with empty cells',
    ]);
    expect(warnings.every((w) => w.code === 'table-reshaped')).toBe(true);
  });

  it('the plain text has the caption and a line per row', () => {
    const { text } = renderFragment(build.root([sampleTable()]));
    expect(text).toContain('Beds by unit & year\nUnit | 2024 | 2025 <est.>\nAcute medicine | 31[1] | 34\nRespiratory | Merged with acute medicine\n');
  });
});
