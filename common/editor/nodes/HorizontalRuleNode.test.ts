import { describe, expect, it } from 'vitest';
import { build } from '../serialized';
import { roundTrip } from './roundtrip';

describe('HorizontalRuleNode', () => {
  it('round-trips between paragraphs', () => {
    const state = build.root([build.paragraph([build.text('One')]), build.horizontalRule(), build.paragraph([build.text('Two')])]);
    expect(roundTrip(state)).toEqual(state);
  });
});
