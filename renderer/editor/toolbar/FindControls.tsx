import type { LexicalEditor } from 'lexical';
import { runAction } from '../actions';
import { ToolbarButton } from './ToolbarButton';

export function FindControls({ editor }: { editor: LexicalEditor }) {
  return (
    <div className="toolbar__group" role="group" aria-label="Find">
      <ToolbarButton label="Find" action="find" onClick={() => runAction(editor, 'find')}>
        <span className="toolbar__glyph">⌕</span>
      </ToolbarButton>
      <ToolbarButton label="Find and replace" action="replace" onClick={() => runAction(editor, 'replace')}>
        <span className="toolbar__glyph">⇄</span>
      </ToolbarButton>
    </div>
  );
}
