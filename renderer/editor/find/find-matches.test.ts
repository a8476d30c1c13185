import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { HISTORY_PUSH_TAG } from 'lexical';
import { DRAFT_NODES } from '../../../common/editor/nodes';
import { build, type SerializedEditorState } from '../../../common/editor/serialized';
import { editorStateText } from '../../../common/editor/state-text';
import { $findMatches, $replaceAll, $replaceMatch } from './find-matches';

function editorWith(state: SerializedEditorState) {
  const editor = createHeadlessEditor({ namespace: 't', nodes: DRAFT_NODES, onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
  return editor;
}
const text = (e: ReturnType<typeof editorWith>) => editorStateText(e.getEditorState().toJSON() as never);

const doc = build.root([
  build.paragraph([build.text('The cat sat. A Cat ran. Concatenate cat')]),
  build.paragraph([build.text('Another '), build.text('ca', ['bold']), build.text('t here.')]),
  build.list('bullet', [[build.link('https://example.org', [build.text('cat link')])]]),
]);

describe('find and replace', () => {
  it('counts matches with and without case and whole-word rules, across format runs', () => {
    const e = editorWith(doc);
    const count = (q: string, matchCase: boolean, wholeWord: boolean) => e.getEditorState().read(() => $findMatches(q, { matchCase, wholeWord }).length);
    expect(count('cat', false, false)).toBe(6);
    expect(count('cat', false, true)).toBe(5);
    expect(count('cat', true, true)).toBe(4);
    expect(count('Cat', true, false)).toBe(1);
    expect(count('', false, false)).toBe(0);
    expect(count('.*', false, false)).toBe(0);
  });

  it('replaces one match spanning two runs, keeping the first run', () => {
    const e = editorWith(doc);
    e.update(() => {
      const m = $findMatches('cat', { matchCase: true, wholeWord: true })[2];
      expect($replaceMatch(m, 'dog')).toBe(true);
    }, { discrete: true });
    expect(text(e).split('\n')[1]).toBe('Another dog here.');
  });

  it('replaces all in one update', () => {
    const e = editorWith(doc);
    let n = 0;
    e.update(() => {
      n = $replaceAll('cat', { matchCase: false, wholeWord: true }, 'dog');
    }, { discrete: true, tag: HISTORY_PUSH_TAG });
    expect(n).toBe(5);
    expect(text(e)).toBe('The dog sat. A dog ran. Concatenate dog\nAnother dog here.\ndog link');
  });
});
