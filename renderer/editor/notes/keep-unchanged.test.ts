import { describe, expect, it } from 'vitest';
import type { Note } from '../../../common/api/notes';
import { keepUnchanged } from './keep-unchanged';

const AT = '2026-12-07T10:00:00.000Z';
const note = (id: string, body = 'source?'): Note => ({
  id,
  postId: 'p1',
  quote: 'the figure',
  authorName: 'Ann',
  createdAt: AT,
  resolvedAt: null,
  resolvedBy: null,
  detached: false,
  messages: [{ id: `${id}-m`, authorId: 'm-ann', authorName: 'Ann', body, createdAt: AT, editedAt: null, deleted: false, mine: true, mentions: [] }],
});

describe('keepUnchanged', () => {
  it('returns the list held before when a re-read finds nothing changed', () => {
    const prev = [note('a'), note('b')];
    expect(keepUnchanged(prev, [note('a'), note('b')])).toBe(prev);
  });

  it('keeps unchanged notes as they were and takes the changed one', () => {
    const prev = [note('a'), note('b')];
    const next = keepUnchanged(prev, [note('a'), note('b', 'a reply')]);
    expect(next).not.toBe(prev);
    expect(next[0]).toBe(prev[0]);
    expect(next[1]).not.toBe(prev[1]);
    expect(next[1].messages[0].body).toBe('a reply');
  });

  it('takes a new list when notes are added, removed or reordered', () => {
    const prev = [note('a'), note('b')];
    expect(keepUnchanged(prev, [note('a'), note('b'), note('c')]).map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(keepUnchanged(prev, [note('b')])).toEqual([prev[1]]);
    const swapped = keepUnchanged(prev, [note('b'), note('a')]);
    expect(swapped).not.toBe(prev);
    expect(swapped[0]).toBe(prev[1]);
    expect(swapped[1]).toBe(prev[0]);
  });
});
