import { describe, expect, it } from 'vitest';
import { suggestionsInBody, withoutSuggestions, withSuggestions } from './suggestions';

const text = (t: string, format = 0) => ({ type: 'text', text: t, format });
const meta = (id: string, who = 'ann') => ({ suggestionId: id, authorId: who, authorName: who.toUpperCase(), at: '2026-12-07T13:00:00.000Z' });
const ins = (id: string, ...children: unknown[]) => ({ type: 'suggestion-insert', ...meta(id), children });
const del = (id: string, ...children: unknown[]) => ({ type: 'suggestion-delete', ...meta(id, 'bob'), children });
const fmt = (id: string, mask: number, ...children: unknown[]) => ({ type: 'suggestion-format', ...meta(id), formatMask: mask, children });
const para = (...children: unknown[]) => ({ type: 'paragraph', children });
const root = (...children: unknown[]) => ({ root: { type: 'root', children } });

describe('the text without pending suggestions', () => {
  const body = root(
    para(text('Admissions '), ins('s1', text('sharply ')), text('rose '), del('s2', text('by ninety ')), fmt('s3', 1, text('in March', 1)), text('.')),
    para(del('s2', text('Second ')), text('line.')),
  );

  it('drops insertions, keeps deletions as plain text and undoes format changes', () => {
    expect(withoutSuggestions(body)).toEqual(root(para(text('Admissions '), text('rose '), text('by ninety '), text('in March', 0), text('.')), para(text('Second '), text('line.'))));
  });

  it('with suggestions is the text as if all were accepted', () => {
    expect(withSuggestions(body)).toEqual(root(para(text('Admissions '), text('sharply '), text('rose '), text('in March', 1), text('.')), para(text('line.'))));
  });

  it('lists each suggestion once, in text order, with author and time', () => {
    expect(suggestionsInBody(body).map((s) => [s.id, s.type, s.authorName])).toEqual([
      ['s1', 'suggestion-insert', 'ANN'],
      ['s2', 'suggestion-delete', 'BOB'],
      ['s3', 'suggestion-format', 'ANN'],
    ]);
  });

  it('gives back the same object when there is nothing to resolve', () => {
    const plain = root(para(text('a')));
    expect(withoutSuggestions(plain)).toBe(plain);
    expect(withoutSuggestions(null)).toBe(null);
    expect(suggestionsInBody('nope')).toEqual([]);
  });

  it('resolves nested suggestions: a deletion inside someone else\'s insertion goes with the insertion', () => {
    const nested = root(para(text('a '), ins('s1', text('b '), del('s2', text('c '))), text('d')));
    expect(withoutSuggestions(nested)).toEqual(root(para(text('a '), text('d'))));
    expect(withSuggestions(nested)).toEqual(root(para(text('a '), text('b '), text('d'))));
  });
});
