/**
 * An update applied without the document's `update` event (the team server's load, a laptop's
 * first state stored as received): its listeners must still hear every later change, which is how
 * the group commit stores, Hocuspocus broadcasts and a laptop stores and sends them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applySilently } from './silent-apply';

function storedState(): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray<string>('rows').push(['a', 'b']);
  doc.getMap('fields').set('k', 1);
  return Y.encodeStateAsUpdate(doc);
}

describe('applySilently', () => {
  it('loads the state with no update event, and the listeners hear the changes after it', () => {
    const doc = new Y.Doc();
    const heard: string[] = [];
    doc.on('update', () => heard.push('update'));
    doc.on('updateV2', () => heard.push('updateV2'));
    applySilently(doc, storedState());
    expect(doc.getArray('rows').toArray()).toEqual(['a', 'b']);
    expect(doc.getMap('fields').get('k')).toBe(1);
    expect(heard).toEqual([]);
    doc.getMap('fields').set('k', 2);
    expect(heard).toEqual(['update', 'updateV2']);
  });

  it('keeps the listeners when the state cannot be applied', () => {
    const doc = new Y.Doc();
    let heard = 0;
    doc.on('update', () => heard++);
    expect(() => applySilently(doc, new Uint8Array([255, 255, 255]))).toThrow();
    doc.getMap('fields').set('k', 1);
    expect(heard).toBe(1);
  });
});
