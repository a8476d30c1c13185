/**
 * Drafts the publish tests (unit, validation, e2e) and the bench share: one using every node
 * type with awkward text, and a page-text draft built from plain paragraphs.
 */
import { build, type SerializedBlock, type SerializedEditorState } from '../editor/serialized';
import { DEFAULT_OPTIONS, type PublishInput } from './types';

/** A 1×1 transparent PNG. */
export const TINY_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export function everyNodeBody(assetId = '0190a0b0-0000-7000-8000-000000000001'): SerializedEditorState {
  const { text, link, footnote, paragraph, heading, quote, pullQuote, list, image, horizontalRule, lineBreak } = build;
  return build.root([
    paragraph([text('Plain, '), text('bold', ['bold']), text(', '), text('italic', ['italic']), text(', '), text('underlined', ['underline']), text(', '),
      text('struck', ['strikethrough']), text(', '), text('code <b>', ['code']), text(', H'), text('2', ['subscript']), text('O, x'), text('2', ['superscript']),
      text(' and '), text('all at once', ['bold', 'italic', 'underline'])]),
    heading('h2', [text('Why leadership matters & to whom')]),
    paragraph([text('A safe '), link('https://www.example.org/a?b=1&c="2"', [text('link')], 'A "title"'), text(', a mail '), link('mailto:editor@example.org', [text('link')]),
      text(', a dangerous '), link('javascript:alert(1)', [text('script link')]), text(' and a note'), footnote('The first note, with <angle> & ampersand.'), text('.')]),
    heading('h3', [text('Evidence')]),
    paragraph([text('Line one'), lineBreak(), text('line two'), footnote('The second note.')]),
    heading('h4', [text('Detail')]),
    quote([text('A quotation, with “curly” quotes and </script>.')]),
    pullQuote([text('Leadership is about ensuring change benefits patients.')]),
    list('bullet', [
      [text('First level')],
      list('number', [[text('Second level')], list('bullet', [[text('Third level')], [text('Third level, again')]]), [text('Second again')]]),
      [text('First again')],
    ]),
    list('number', [[text('Step three')], [text('Step four')]], 3),
    image(`asset:${assetId}`, 'A ward at night', 'The acute medical unit at 3am'),
    image(TINY_PNG, 'A tiny inline picture'),
    horizontalRule(),
    sampleTable(),
    heading('h2', [text('Why leadership matters & to whom')]),
    paragraph([text('The end.')]),
  ] as SerializedBlock[]);
}

/** A table with a header row, a header column, a caption, spans and a footnote in a cell. */
export function sampleTable(): SerializedBlock {
  const { text, paragraph, footnote, table, tableRow, tableCell } = build;
  const cell = (t: string, header: 0 | 1 | 2 | 3 = 0, colSpan = 1, rowSpan = 1) => tableCell([paragraph(t ? [text(t)] : [])], header, colSpan, rowSpan);
  return table(
    [
      tableRow([cell('Unit', 1), cell('2024', 1), cell('2025 <est.>', 1)]),
      tableRow([cell('Acute medicine', 2), tableCell([paragraph([text('31'), footnote('Beds open at year end.')])]), cell('34')]),
      tableRow([cell('Respiratory', 2), cell('Merged with acute medicine', 0, 2)]),
    ],
    'Beds by unit & year',
  );
}

export function pageInput(overrides: Partial<PublishInput> = {}): PublishInput {
  return {
    post: {
      title: 'Why is medical leadership important? <“A” & \'B\'> </script>',
      slug: 'why-medical-leadership',
      label: 'Guest blog',
      standfirst: 'A consultant physician on splitting the week between care and leadership.',
      body: everyNodeBody(),
      publishedAt: '2015-03-12T09:30:00.000Z',
      plannedDate: '2015-03-12',
      tags: ['leadership', 'NHS'],
    },
    authors: [
      { name: 'Binita Kane', role: 'Consultant Respiratory Physician', organisation: 'University Hospital of South Manchester' },
      { name: 'A. N. Other', role: '', organisation: 'The King’s Fund' },
    ],
    series: {
      title: 'Clinical leadership',
      slug: 'clinical-leadership',
      topic: 'current issues and opportunities for clinical and medical leaders',
      description: 'Guest blogs from clinical leaders.',
      noticeTemplate: 'This is the {ordinal} in a series of guest blogs that explores {topic}.',
    },
    position: 3,
    prev: { title: 'The second post', href: 'second-post.html' },
    next: { title: 'The fourth post', href: 'fourth-post.html' },
    comments: [],
    options: { ...DEFAULT_OPTIONS, assetUrls: { '0190a0b0-0000-7000-8000-000000000001': TINY_PNG } },
    ...overrides,
  };
}
