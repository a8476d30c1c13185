import { describe, expect, it } from 'vitest';
import { build } from '../serialized';
import { roundTrip } from './roundtrip';

describe('built-in nodes survive a JSON round trip through the editor', () => {
  it('a paragraph with every text format bit', () => {
    const state = build.root([
      build.paragraph([
        build.text('plain '),
        build.text('bold', ['bold']),
        build.text('italic', ['italic']),
        build.text('under', ['underline']),
        build.text('strike', ['strikethrough']),
        build.text('code', ['code']),
        build.text('sub', ['subscript']),
        build.text('sup', ['superscript']),
        build.text('all three', ['bold', 'italic', 'underline']),
      ]),
    ]);
    expect(roundTrip(state)).toEqual(state);
  });

  it('headings h2 to h4 and a block quote', () => {
    const state = build.root([
      build.heading('h2', [build.text('Two')]),
      build.heading('h3', [build.text('Three')]),
      build.heading('h4', [build.text('Four')]),
      build.quote([build.text('Quoted')]),
    ]);
    expect(roundTrip(state)).toEqual(state);
  });

  it('links with a title and a line break', () => {
    const state = build.root([
      build.paragraph([
        build.text('See '),
        build.link('https://example.org/a?b=1', [build.text('this page')], 'A page'),
        build.lineBreak(),
        build.link('mailto:editor@example.org', [build.text('mail')]),
        build.link('#notes', [build.text('anchor')]),
      ]),
    ]);
    expect(roundTrip(state)).toEqual(state);
  });

  it('bulleted and numbered lists, nested', () => {
    const inner = build.list('bullet', [[build.text('inner a')], [build.text('inner b')]]);
    // Lexical stores the depth on each nested item; build.list leaves it 0 and the editor corrects it on load.
    for (const item of inner.children) item.indent = 1;
    const state = build.root([
      build.list('bullet', [[build.text('one')], inner, [build.text('two')]]),
      build.list('number', [[build.text('first')], [build.text('second')]], 3),
    ]);
    expect(roundTrip(state)).toEqual(state);
  });
});
