import type { LexicalEditor } from 'lexical';
import { runAction } from '../actions';
import { useSuggestionMode } from '../suggestions/suggestion-mode';
import { ToolbarButton } from './ToolbarButton';

/** Suggestion mode: pressed, every change to the words is a suggestion for others to accept or reject. */
export function SuggestControls({ editor }: { editor: LexicalEditor }) {
  const on = useSuggestionMode();
  return (
    <div className="toolbar__group" role="group" aria-label="Suggestions">
      <ToolbarButton label="Suggestion mode" action="suggest" pressed={on} onClick={() => runAction(editor, 'suggest')}>
        <span className="toolbar__glyph">{on ? 'Suggesting' : 'Suggest'}</span>
      </ToolbarButton>
    </div>
  );
}
