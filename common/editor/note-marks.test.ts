import { describe, expect, it } from 'vitest';
import { noteIdsInBody, withoutNoteMarks } from './note-marks';

const text = (t: string) => ({ type: 'text', text: t, format: 0 });
const mark = (ids: string[], ...children: unknown[]) => ({ type: 'mark', ids, children });
const para = (...children: unknown[]) => ({ type: 'paragraph', children });
const root = (...children: unknown[]) => ({ root: { type: 'root', children } });

describe('note marks in a body', () => {
  it('are unwrapped, nested ones too, keeping their text and everything else', () => {
    const body = root(para(text('a '), mark(['n1'], text('b'), mark(['n2'], text('c'))), text(' d')), { type: 'list', children: [{ type: 'listitem', children: [mark(['n3'], text('e'))] }] });
    expect(withoutNoteMarks(body)).toEqual(root(para(text('a '), text('b'), text('c'), text(' d')), { type: 'list', children: [{ type: 'listitem', children: [text('e')] }] }));
    expect(JSON.stringify(body)).toContain('"mark"');
    expect(noteIdsInBody(body)).toEqual(['n1', 'n2', 'n3']);
  });

  it('leave a body without notes as the very same object (no copy per export)', () => {
    const body = root(para(text('plain')));
    expect(withoutNoteMarks(body)).toBe(body);
    expect(noteIdsInBody(body)).toEqual([]);
    expect(withoutNoteMarks(null)).toBe(null);
    expect(noteIdsInBody('not a body')).toEqual([]);
  });
});
