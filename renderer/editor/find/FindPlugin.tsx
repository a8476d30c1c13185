import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR } from 'lexical';
import { OPEN_DIALOG_COMMAND } from '../commands';
import { FindPanel } from './FindPanel';

/** Opens the find panel for Ctrl+F (find) and Ctrl+H (find and replace), also when focus is outside the editor. */
export function FindPlugin() {
  const [editor] = useLexicalComposerContext();
  const [mode, setMode] = useState<'closed' | 'find' | 'replace'>('closed');
  useEffect(
    () =>
      editor.registerCommand(
        OPEN_DIALOG_COMMAND,
        (dialog) => {
          if (dialog !== 'find' && dialog !== 'replace') return false;
          setMode(dialog);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );
  useEffect(() => {
    // The editor's own shortcut handler covers keys typed in the text; this covers the rest of the draft view.
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.code !== 'KeyF' && e.code !== 'KeyH') return;
      if (editor.getRootElement()?.contains(e.target as Node)) return;
      e.preventDefault();
      setMode(e.code === 'KeyF' ? 'find' : 'replace');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);
  if (mode === 'closed') return null;
  return <FindPanel showReplace={mode === 'replace'} onClose={() => setMode('closed')} />;
}
