import { describe, expect, it } from 'vitest';
import { build } from '../serialized';
import { roundTrip } from './roundtrip';

describe('PullQuoteNode', () => {
  it('round-trips with formatted text and a link inside', () => {
    const state = build.root([
      build.paragraph([build.text('Before')]),
      build.pullQuote([build.text('The line ', []), build.text('readers', ['italic']), build.link('https://example.org', [build.text(' remember')])]),
    ]);
    expect(roundTrip(state)).toEqual(state);
  });
});
