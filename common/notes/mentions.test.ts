import { describe, expect, it } from 'vitest';
import { forComposer, withMentionTokens, mentionedIds, mentionQueryAt, mentionToken, messageParts, plainMessage } from './mentions';

const sam = { id: '0190a0b2-7c1d-7000-8000-0000000000a1', name: 'Sam Reviewer' };
const ed = { id: '0190a0b2-7c1d-7000-8000-0000000000b2', name: 'Ed Itor' };

describe('note mentions', () => {
  it('stores a mention as the member id with the name, and reads it back in order', () => {
    const body = `${mentionToken(sam)} can you check this? cc ${mentionToken(ed)} and ${mentionToken(sam)}`;
    expect(body).toBe(`@[Sam Reviewer](${sam.id}) can you check this? cc @[Ed Itor](${ed.id}) and @[Sam Reviewer](${sam.id})`);
    expect(mentionedIds(body)).toEqual([sam.id, ed.id]);
    expect(messageParts(body)).toEqual([{ mention: sam }, { text: ' can you check this? cc ' }, { mention: ed }, { text: ' and ' }, { mention: sam }]);
    expect(plainMessage(body)).toBe('@Sam Reviewer can you check this? cc @Ed Itor and @Sam Reviewer');
  });

  it('takes no mention from text that only looks like one', () => {
    for (const body of ['mail ann@example.org', '@Sam without a link', '@[Sam](NOT AN ID)', '@[](abc)', '[Sam](abc)', '@[Sam\nR](abc)']) {
      expect(mentionedIds(body)).toEqual([]);
      expect(messageParts(body)).toEqual([{ text: body }]);
    }
  });

  it('drops brackets from a name so the token still parses', () => {
    const token = mentionToken({ id: 'abc-1', name: 'Sam [guest]' });
    expect(token).toBe('@[Sam guest](abc-1)');
    expect(mentionedIds(token)).toEqual(['abc-1']);
  });

  it('finds the @word being typed before the caret, but not inside an e-mail address', () => {
    expect(mentionQueryAt('Please @sa', 10)).toEqual({ start: 7, query: 'sa' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('(@Sam R', 7)).toEqual({ start: 1, query: 'Sam R' });
    expect(mentionQueryAt('ann@exa', 7)).toBeNull();
    expect(mentionQueryAt('no at sign', 10)).toBeNull();
    expect(mentionQueryAt('@sam\nnext', 9)).toBeNull();
    // The caret before the @: nothing is being typed there.
    expect(mentionQueryAt('hi @sam', 2)).toBeNull();
  });

  it('turns the composer\'s @Name back into the picked member\'s token on sending, and back again to edit', () => {
    const samR = { id: 'sam-2', name: 'Sam' };
    const text = 'Ask @Sam Reviewer and @Sam, not @Samuel or @Nobody.';
    const body = withMentionTokens(text, [samR, sam]);
    expect(body).toBe(`Ask @[Sam Reviewer](${sam.id}) and @[Sam](sam-2), not @Samuel or @Nobody.`);
    expect(mentionedIds(body)).toEqual([sam.id, 'sam-2']);
    expect(forComposer(body)).toEqual({ text, picked: [sam, samR] });
    // A picked name deleted from the text mentions nobody.
    expect(mentionedIds(withMentionTokens('Never mind.', [sam]))).toEqual([]);
  });
});
