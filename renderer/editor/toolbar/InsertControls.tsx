import { useEffect, useRef, useState } from 'react';
import type { BaseSelection, LexicalEditor } from 'lexical';
import { $setSelection, COMMAND_PRIORITY_EDITOR } from 'lexical';
import { currentSelection } from './current-selection';
import { mergeRegister } from '@lexical/utils';
import { useClient } from '../../api/ClientContext';
import { runAction } from '../actions';
import { IMAGE_FILE_COMMAND, INSERT_FOOTNOTE_COMMAND, INSERT_IMAGE_COMMAND, OPEN_DIALOG_COMMAND } from '../commands';
import { ImageDetailsForm } from '../decorators/ImageDetailsForm';
import { FootnoteForm } from '../decorators/FootnoteForm';
import { ToolbarButton } from './ToolbarButton';
import { useDialogCommand } from './useDialogCommand';
import { readAsBase64 } from './read-file';
import { rangeBox, selectionRange, usePlacement } from '../popover/usePlacement';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

/** Images (stored with the draft), footnotes and horizontal rules. */
export function InsertControls({ editor, postId }: { editor: LexicalEditor; postId: string }) {
  const client = useClient();
  const imageSelection = useRef<BaseSelection | null>(null);
  const footnote = useDialogCommand(editor, 'footnote');
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const imageRange = useRef<Range | null>(null);
  const placeFootnote = usePlacement(footnote.anchor);
  const placeImage = usePlacement(() => (imageRange.current ? rangeBox(imageRange.current) : null) ?? footnote.anchor());

  const chooseFile = () => {
    setError('');
    imageSelection.current = currentSelection(editor);
    imageRange.current = selectionRange(editor.getRootElement());
    fileInput.current?.click();
  };
  // The shortcut opens the file chooser the same way the button does.
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_DIALOG_COMMAND,
          (which) => {
            if (which !== 'image') return false;
            chooseFile();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          IMAGE_FILE_COMMAND,
          (f) => {
            imageSelection.current = currentSelection(editor);
            imageRange.current = selectionRange(editor.getRootElement());
            setError('');
            onFile(f);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor],
  );

  const onFile = (f: File | undefined) => {
    if (!f) return;
    if (!IMAGE_TYPES.split(',').includes(f.type)) return setError(`${f.name}: only PNG, JPEG, GIF and WebP images can be added.`);
    if (f.size > MAX_IMAGE_BYTES) return setError(`${f.name}: ${(f.size / 1048576).toFixed(1)} MB is over the 20 MB limit.`);
    setFile(f);
  };

  const insertImage = async (altText: string, caption: string) => {
    if (!file) return;
    setBusy(true);
    try {
      const asset = await client.call('drafts.uploadAsset', { postId, fileName: file.name, dataBase64: await readAsBase64(file) });
      editor.update(() => {
        if (imageSelection.current) $setSelection(imageSelection.current.clone());
      });
      editor.dispatchCommand(INSERT_IMAGE_COMMAND, { src: `asset:${asset.id}`, altText, caption });
      setFile(null);
      editor.focus();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const insertFootnote = (note: string) => {
    editor.update(() => {
      if (footnote.selection) $setSelection(footnote.selection.clone());
    });
    editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, note);
    footnote.close();
  };

  return (
    <div className="toolbar__group" role="group" aria-label="Insert">
      <ToolbarButton label="Insert image" action="image" onClick={chooseFile}>
        <span className="toolbar__glyph">Image</span>
      </ToolbarButton>
      <input
        ref={fileInput}
        type="file"
        accept={IMAGE_TYPES}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Image file"
        data-testid="image-file-input"
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <ToolbarButton label="Insert footnote" action="footnote" onClick={footnote.show}>
        <span className="toolbar__glyph">†</span>
      </ToolbarButton>
      <ToolbarButton label="Insert horizontal rule" action="rule" onClick={() => runAction(editor, 'rule')}>
        <span className="toolbar__glyph">―</span>
      </ToolbarButton>
      {file && (
        <div ref={placeImage} className="toolbar__popover" role="dialog" aria-label={`Add image ${file.name}`}>
          <ImageDetailsForm initialAlt="" initialCaption="" submitLabel={busy ? 'Adding…' : 'Add image'} onSubmit={(a, c) => void insertImage(a, c)} onCancel={() => setFile(null)} />
        </div>
      )}
      {footnote.open && (
        <div ref={placeFootnote} className="toolbar__popover" role="dialog" aria-label="Insert footnote">
          <FootnoteForm initial="" submitLabel="Add footnote" onSubmit={insertFootnote} onCancel={() => footnote.close()} />
        </div>
      )}
      {error && (
        <p className="toolbar__error error-text" role="alert">
          {error}{' '}
          <button type="button" className="button" onClick={() => setError('')}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
