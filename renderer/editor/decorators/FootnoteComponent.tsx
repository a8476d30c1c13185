import { useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { $isFootnoteNode } from '../../../common/editor/nodes';
import { FootnoteForm } from './FootnoteForm';

/** A footnote reference: its number comes from a CSS counter (document order, free to keep current). */
export function FootnoteComponent({ nodeKey, note }: { nodeKey: NodeKey; note: string }) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const save = (text: string) => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isFootnoteNode(node)) node.setNote(text);
    });
    setOpen(false);
  };
  const remove = () => editor.update(() => $getNodeByKey(nodeKey)?.remove());
  return (
    <span className="ed-fn" contentEditable={false}>
      <button type="button" className="ed-fn__ref" aria-label={`Footnote: ${note}`} title={note} aria-expanded={open} onClick={() => setOpen(!open)} />
      {open && (
        <span className="ed-fn__popover" role="dialog" aria-label="Edit footnote">
          <FootnoteForm initial={note} submitLabel="Save note" onSubmit={save} onCancel={() => setOpen(false)} />
          <button type="button" className="button button--danger" onClick={remove}>
            Remove footnote
          </button>
        </span>
      )}
    </span>
  );
}
