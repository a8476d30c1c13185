import type { LexicalEditor } from 'lexical';
import { runAction } from '../actions';
import { useSuggestionLock, useSuggestionMode } from '../suggestions/suggestion-mode';
import { ToolbarButton } from './ToolbarButton';

/**
 * Suggestion mode: pressed, every change to the words is a suggestion for others to accept or
 * reject. Held on for a guest author, with the reason beside it.
 */
export function SuggestControls({ editor }: { editor: LexicalEditor }) {
  const on = useSuggestionMode();
  const lock = useSuggestionLock();
  return (
    <div className="toolbar__group" role="group" aria-label="Suggestions">
      <ToolbarButton label="Suggestion mode" action="suggest" pressed={on} disabled={lock !== null} describedBy={lock ? 'suggest-lock' : undefined} onClick={() => runAction(editor, 'suggest')}>
        <span className="toolbar__glyph">{on ? 'Suggesting' : 'Suggest'}</span>
      </ToolbarButton>
      {lock && (
        <span id="suggest-lock" className="toolbar__lock">
          {lock}
        </span>
      )}
    </div>
  );
}
