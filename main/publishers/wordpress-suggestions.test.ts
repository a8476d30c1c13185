/**
 * The WordPress publish path carries no pending suggestions: a post published to a real WordPress,
 * then given suggestions (an insertion, a deletion across two paragraphs, a bold) and published
 * again, has the same content there as before, with none of the suggested words or ids.
 */
import { describe, expect, it } from 'vitest';
import { addSuggestionsToPost, SUGGESTED_WORDS } from '../suggestions/testing';
import { republishAfter } from './republish';
import { useWordPress } from './testing';

const f = useWordPress('wb-wpsuggest-');

describe('publishing a draft with pending suggestions to WordPress', () => {
  it('sends the text without the suggestions: insertions dropped, deletions kept, formats not applied', async () => {
    const r = await republishAfter(f, (slug) => addSuggestionsToPost(f.ctx.db, slug));
    expect(r.sameRemotePost).toBe(true);
    expect(r.after).toBe(r.before);
    expect(r.sameWarnings).toBe(true);
    for (const leak of [...r.added, '<ins', 'suggestion', SUGGESTED_WORDS]) expect(r.after).not.toContain(leak);
  });
});
