import { useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { $isFootnoteNode } from '../../../common/editor/nodes';
import { usePlacement } from '../popover/usePlacement';
import { FootnoteForm } from './FootnoteForm';
import { useGuestHold } from '../suggestions/useGuestHold';

/**
 * A footnote reference: its number comes from a CSS counter (document order, free to keep
 * current). Its text shows beside the marker while the pointer or the keyboard focus is on it
 * (the text is also the button's accessible name), and the edit box opens at the marker.
 */
export function FootnoteComponent({ nodeKey, note }: { nodeKey: NodeKey; note: string }) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [tip, setTip] = useState(false);
  // For a guest the marker still reads out its note (its name, and the tip), but opens no edit box.
  const guest = useGuestHold();
  const ref = useRef<HTMLButtonElement>(null);
  const markerBox = () => ref.current?.getBoundingClientRect() ?? null;
  const placeForm = usePlacement(markerBox);
  const placeTip = usePlacement(markerBox);
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
      <button
        ref={ref}
        type="button"
        className="ed-fn__ref"
        aria-label={`Footnote: ${note}`}
        aria-expanded={guest.held ? undefined : open}
        {...guest.props}
        onClick={() => {
          if (guest.held) return;
          setOpen(!open);
          setTip(false);
        }}
        onMouseEnter={() => setTip(true)}
        onMouseLeave={() => setTip(false)}
        onFocus={() => setTip(true)}
        onBlur={() => setTip(false)}
      />
      {tip && !open && (
        // The note is already the button's name: the visible copy is for sighted readers only.
        <span ref={placeTip} className="ed-fn__tip" aria-hidden="true" data-testid="footnote-tip">
          {note}
        </span>
      )}
      {open && !guest.held && (
        <span ref={placeForm} className="ed-fn__popover" role="dialog" aria-label="Edit footnote">
          <FootnoteForm initial={note} submitLabel="Save note" onSubmit={save} onCancel={() => setOpen(false)} />
          <button type="button" className="button button--danger" onClick={remove}>
            Remove footnote
          </button>
        </span>
      )}
    </span>
  );
}
