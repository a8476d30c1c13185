import { describe, expect, it } from 'vitest';
import { build } from '../serialized';
import { roundTrip } from './roundtrip';

describe('FootnoteNode', () => {
  it('round-trips references inside text, headings and list items, keeping note text', () => {
    const state = build.root([
      build.paragraph([build.text('A claim'), build.footnote('Source: the 2021 survey, p. 4.'), build.text(' and more.')]),
      build.heading('h3', [build.text('Heading'), build.footnote('Note on a heading')]),
      build.list('number', [[build.text('item'), build.footnote('Note in a list, with "quotes" & <angle> brackets')]]),
    ]);
    expect(roundTrip(state)).toEqual(state);
  });
});
