/**
 * Imports that keep what they can: Markdown tables and footnotes, Word's Title style, tables and
 * what a Word file loses, all in plain words. Real files: Markdown text and .docx archives
 * built part by part (testing/docx.ts), imported through the API like the window does.
 */
import { describe, expect, it } from 'vitest';
import type { ImportDraftResult } from '../../common/api/posts';
import { build } from '../../common/editor/serialized';
import { buildDocx } from './testing/docx';
import { plainMammothWarning } from './docx-warnings';
import { useApiHarness } from '../testing/api-harness';

const api = useApiHarness('wb-draft-tables-');
const importBytes = (fileName: string, data: Buffer | string) =>
  api.value<ImportDraftResult>('posts.import', { fileName, dataBase64: Buffer.from(data).toString('base64') });
const cell = (text: string, header: 0 | 1 | 2 | 3 = 0) => build.tableCell([build.paragraph(text ? [build.text(text)] : [])], header);

describe('Markdown import', () => {
  it('keeps a GFM table with its header row, and turns [^n] footnotes into the editor’s footnotes', async () => {
    const md = [
      '# Beds this winter',
      '',
      'Capacity rose[^cap] in most units.[^2]',
      '',
      '| Unit | Beds |',
      '| --- | ---: |',
      '| Acute | 31 |',
      '| Renal | **12** |',
      '',
      'Code keeps `[^cap]` as written.',
      '',
      '[^cap]: From the *winter* census,',
      '    published in [March](https://example.org/census).',
      '[^2]: Not in renal.',
      '[^spare]: Never used.',
      '',
      'See also[^none].',
    ].join('\n');
    const r = await importBytes('beds.md', md);
    expect(r.post.title).toBe('Beds this winter');
    const [intro, table, code, last] = r.post.body.root.children as any[];
    expect(intro).toEqual(
      build.paragraph([
        build.text('Capacity rose'),
        build.footnote('From the winter census, published in March.'),
        build.text(' in most units.'),
        build.footnote('Not in renal.'),
      ]),
    );
    expect(table).toEqual(
      build.table([
        build.tableRow([cell('Unit', 1), cell('Beds', 1)]),
        build.tableRow([cell('Acute'), cell('31')]),
        build.tableRow([cell('Renal'), build.tableCell([build.paragraph([build.text('12', ['bold'])])])]),
      ]),
    );
    expect(code.children.map((c: any) => c.text)).toEqual(['Code keeps ', '[^cap]', ' as written.']);
    expect(last.children[0].text).toBe('See also[^none].');
    expect(r.warnings).toEqual([
      'The footnote reference [^none] has no note written for it; it was kept as text.',
      'A footnote never referred to in the text ([^spare]) was left out.',
    ]);
  });
});

describe('Word import', () => {
  it('takes the Title style as the title even after a Heading 1, keeps a table, and names what it left out in plain words', async () => {
    const docx = buildDocx([
      { style: 'Heading1', runs: ['Introduction'] },
      { style: 'Title', runs: ['Beds this winter'] },
      { runs: ['Capacity ', { text: 'rose', comment: 'Check this figure' }, ' again.'], textBox: 'Boxed aside' },
      { table: [['Unit', 'Beds'], ['Acute', '31']], headerRow: true },
      { style: 'Fancy', runs: ['Styled words', { text: ' here', comment: 'Second comment' }] },
    ]);
    const r = await importBytes('winter.docx', docx);
    expect(r.post.title).toBe('Beds this winter');
    const blocks = r.post.body.root.children as any[];
    expect(blocks[0]).toEqual(build.heading('h2', [build.text('Introduction')]));
    const table = blocks.find((b) => b.type === 'table');
    expect(table).toEqual(build.table([build.tableRow([cell('Unit', 1), cell('Beds', 1)]), build.tableRow([cell('Acute'), cell('31')])]));
    expect(JSON.stringify(blocks)).toContain('Boxed aside');
    expect(r.warnings).toEqual([
      'Paragraphs in Word’s “Fancy Box” style were imported as plain paragraphs.',
      '2 comments in the Word file were left out.',
      'The text of 1 text box was kept as ordinary paragraphs where the box was anchored.',
    ]);
    expect(r.warnings.join(' ')).not.toMatch(/Unrecognised|Style ID|w:/);
  });

  it('rewrites every kind of mammoth message in plain words, never its own text', () => {
    const messages = [
      "Unrecognised run style: 'Emphasis Strong' (Style ID: EmStrong)",
      'An unrecognised element was ignored: w:customXml',
      'Could not find image file for a:blip element',
      'A w:sym element with an unsupported character was ignored: char F0FC in font Wingdings',
      'unexpected non-row element in table, cell merging may be incorrect',
      'Something mammoth adds next year',
    ];
    expect(messages.map(plainMammothWarning)).toEqual([
      'Text in Word’s “Emphasis Strong” character style was imported without that style.',
      'Some Word content of a kind the importer does not know was left out.',
      'A picture whose file is missing from the Word document was left out.',
      'A symbol from a special font (such as Wingdings) was left out.',
      'A table had an unusual structure: check its merged cells.',
      'Part of the Word document could not be read and was left out.',
    ]);
    expect(plainMammothWarning('Image of type image/x-emf is unlikely to display in web browsers')).toBeNull();
  });
});
