import type { KeyboardEvent } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useToolbarState } from './useToolbarState';
import { HistoryControls } from './HistoryControls';
import { BlockTypeControls } from './BlockTypeControls';
import { TextFormatControls } from './TextFormatControls';
import { LinkControls } from './LinkControls';
import { InsertControls } from './InsertControls';
import { FindControls } from './FindControls';
import { TableControls } from './TableControls';
import { SuggestControls } from './SuggestControls';
import { GUEST_HOLD_ID, GUEST_HOLD_REASON } from '../suggestions/guest-limits';
import { useSuggestionLock } from '../suggestions/suggestion-mode';
import './toolbar.css';

/** Arrow keys, Home and End move between the toolbar's buttons (the ARIA toolbar pattern). */
function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
  if (!(e.target instanceof HTMLButtonElement)) return;
  const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('.toolbar__button:not(:disabled)'));
  const at = buttons.indexOf(e.target);
  if (at < 0) return;
  e.preventDefault();
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : (at + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  buttons[next].focus();
}

/** The formatting toolbar, one group per concern. */
export function Toolbar({ postId }: { postId: string }) {
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState(editor);
  const guest = useSuggestionLock() !== null;
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" onKeyDown={moveFocus}>
      <HistoryControls editor={editor} canUndo={state.canUndo} canRedo={state.canRedo} />
      <BlockTypeControls editor={editor} blockType={state.blockType} />
      <TextFormatControls editor={editor} formats={state.formats} />
      <LinkControls editor={editor} linkUrl={state.linkUrl} />
      <InsertControls editor={editor} postId={postId} />
      <FindControls editor={editor} />
      <SuggestControls editor={editor} />
      <TableControls editor={editor} inTable={state.inTable} headerRow={state.headerRow} />
      {guest && (
        <span id={GUEST_HOLD_ID} className="visually-hidden">
          {GUEST_HOLD_REASON}
        </span>
      )}
    </div>
  );
}
