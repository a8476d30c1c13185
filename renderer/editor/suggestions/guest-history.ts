/**
 * A guest author's Undo offers only what the team server takes from them: their own suggestions.
 * Undoing an accept or a reject would put back someone else's suggestion in that person's name,
 * or change the text itself; the window's stream and the server refuse both, and the window then
 * drops its copy and resyncs. So in a guest's editor a settlement is final: it empties the
 * editor's history (Undo is off until the guest suggests again). Their own suggestions stay
 * theirs to take back with Reject.
 */
import { CLEAR_HISTORY_COMMAND, type LexicalEditor } from 'lexical';
import type { UndoManager } from 'yjs';
import { isGuestEditor } from './guest-limits';

/** Where Lexical's collaboration binding publishes its Y.UndoManager on the editor. */
const COLLAB_UNDO_MANAGER = Symbol.for('@lexical/yjs/UndoManager');

/** Run after a settlement has reached the body's document (an update's onUpdate: after the binding's sync). */
export function afterSettlement(editor: LexicalEditor): void {
  if (!isGuestEditor()) return;
  const collab = (editor as LexicalEditor & Record<symbol, UndoManager | undefined>)[COLLAB_UNDO_MANAGER];
  if (collab) collab.clear();
  else editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
}
