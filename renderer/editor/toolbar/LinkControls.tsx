import { useId, useState, type FormEvent } from 'react';
import type { LexicalEditor } from 'lexical';
import { $createLinkNode, $toggleLink } from '@lexical/link';
import { $createTextNode, $getSelection, $insertNodes, $isRangeSelection, $setSelection } from 'lexical';
import { isAllowedUrl, LINK_URL_RULE } from '../../../common/editor/nodes';
import { ToolbarButton } from './ToolbarButton';
import { useDialogCommand } from './useDialogCommand';
import { usePlacement } from '../popover/usePlacement';

/** Insert, edit and remove links; only web, mail and in-document anchors are accepted. */
export function LinkControls({ editor, linkUrl }: { editor: LexicalEditor; linkUrl: string | null }) {
  const dialog = useDialogCommand(editor, 'link');
  return (
    <div className="toolbar__group" role="group" aria-label="Link">
      <ToolbarButton label={linkUrl ? 'Edit link' : 'Link'} action="link" pressed={linkUrl !== null} onClick={dialog.show}>
        <span className="toolbar__glyph">Link</span>
      </ToolbarButton>
      {dialog.open && <LinkForm editor={editor} initial={linkUrl ?? ''} editing={linkUrl !== null} selection={dialog.selection} anchor={dialog.anchor} onClose={dialog.close} />}
    </div>
  );
}

interface FormProps {
  editor: LexicalEditor;
  initial: string;
  editing: boolean;
  selection: ReturnType<typeof useDialogCommand>['selection'];
  anchor: ReturnType<typeof useDialogCommand>['anchor'];
  onClose: (refocus?: boolean) => void;
}

function LinkForm({ editor, initial, editing, selection, anchor, onClose }: FormProps) {
  const id = useId();
  const place = usePlacement(anchor);
  const [url, setUrl] = useState(initial);
  const [error, setError] = useState('');

  const apply = (target: string | null) => {
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
      const sel = $getSelection();
      if (!$isRangeSelection(sel)) return;
      if (target !== null && sel.isCollapsed() && !editing) {
        // Nothing selected: the address itself becomes the link text.
        const link = $createLinkNode(target);
        link.append($createTextNode(target));
        $insertNodes([link]);
        return;
      }
      $toggleLink(target);
    });
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = url.trim();
    if (!isAllowedUrl(value)) {
      setError(`"${value.slice(0, 80)}" was not linked. ${LINK_URL_RULE}`);
      return;
    }
    apply(value);
  };

  return (
    <form ref={place} className="toolbar__popover ed-form" role="dialog" aria-label={editing ? 'Edit link' : 'Insert link'} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <label className="field__label" htmlFor={`${id}-url`}>
        Link address
      </label>
      <input
        id={`${id}-url`}
        className="input"
        value={url}
        autoFocus
        placeholder="https://…, mailto:… or #anchor"
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setUrl(e.target.value);
          setError('');
        }}
      />
      {error && (
        <p id={`${id}-error`} className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="ed-form__actions">
        <button type="submit" className="button button--primary">
          {editing ? 'Update link' : 'Add link'}
        </button>
        {editing && (
          <button type="button" className="button button--danger" onClick={() => apply(null)}>
            Remove link
          </button>
        )}
        <button type="button" className="button" onClick={() => onClose()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
