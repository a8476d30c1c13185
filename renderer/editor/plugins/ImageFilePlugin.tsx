import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH, DROP_COMMAND, PASTE_COMMAND } from 'lexical';
import { IMAGE_FILE_COMMAND } from '../commands';

function imageFile(data: DataTransfer | null): File | null {
  if (!data) return null;
  return Array.from(data.files).find((f) => f.type.startsWith('image/')) ?? null;
}

/** A picture pasted or dropped into the text goes through the same alt-text dialog as the Image button. */
export function ImageFilePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const handle = (event: Event, data: DataTransfer | null) => {
      const file = imageFile(data);
      if (!file) return false;
      event.preventDefault();
      editor.dispatchCommand(IMAGE_FILE_COMMAND, file);
      return true;
    };
    return mergeRegister(
      editor.registerCommand(PASTE_COMMAND, (e) => handle(e, (e as ClipboardEvent).clipboardData ?? null), COMMAND_PRIORITY_HIGH),
      editor.registerCommand(DROP_COMMAND, (e) => handle(e, e.dataTransfer), COMMAND_PRIORITY_HIGH),
    );
  }, [editor]);
  return null;
}
