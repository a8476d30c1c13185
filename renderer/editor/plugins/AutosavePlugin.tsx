import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';

interface Props {
  /** Told that the content changed; must be cheap (the saver serializes later, debounced). */
  onChange: () => void;
  onBlur: () => void;
  /**
   * The body as loaded, so a save of unchanged content can be skipped. Given as a function: it
   * serializes the loaded state (immutable) only when the first save asks, not while the draft opens.
   */
  onBaseline: (json: () => string) => void;
}

/** Reports content changes (not selection moves) to the draft's saver, and flushes on blur. */
export function AutosavePlugin({ onChange, onBlur, onBaseline }: Props) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const loaded = editor.getEditorState();
    onBaseline(() => JSON.stringify(loaded.toJSON()));
  }, [editor, onBaseline]);
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
          if (tags.has('draft-load')) return;
          if (prevEditorState.isEmpty()) return;
          if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
          onChange();
        }),
        editor.registerCommand(
          BLUR_COMMAND,
          () => {
            onBlur();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, onChange, onBlur],
  );
  return null;
}
