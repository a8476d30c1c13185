/**
 * The WordPress publish path carries no editorial notes: a post published to a real WordPress, then
 * noted (a mark inside a paragraph and one across two) and published again, has the same content
 * there as an update without notes has, with none of the notes' ids, marks or messages.
 */
import { describe, expect, it } from 'vitest';
import { addNotesToPost } from '../notes/testing';
import { republishAfter } from './republish';
import { useWordPress } from './testing';

const f = useWordPress('wb-wpnotes-');

describe('publishing a noted draft to WordPress', () => {
  it('sends the text without the notes', async () => {
    const r = await republishAfter(f, (slug) => addNotesToPost(f.ctx.db, slug));
    expect(r.sameRemotePost).toBe(true);
    expect(r.after).toBe(r.before);
    expect(r.sameWarnings).toBe(true);
    for (const leak of [...r.added, '<mark', 'Private remark']) expect(r.after).not.toContain(leak);
  });
});
