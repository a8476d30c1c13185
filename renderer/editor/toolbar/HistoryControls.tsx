import type { LexicalEditor } from 'lexical';
import { runAction } from '../actions';
import { ToolbarButton } from './ToolbarButton';

export function HistoryControls({ editor, canUndo, canRedo }: { editor: LexicalEditor; canUndo: boolean; canRedo: boolean }) {
  return (
    <div className="toolbar__group" role="group" aria-label="History">
      <ToolbarButton label="Undo" action="undo" disabled={!canUndo} onClick={() => runAction(editor, 'undo')}>
        <span className="toolbar__glyph">↶</span>
      </ToolbarButton>
      <ToolbarButton label="Redo" action="redo" disabled={!canRedo} onClick={() => runAction(editor, 'redo')}>
        <span className="toolbar__glyph">↷</span>
      </ToolbarButton>
    </div>
  );
}
