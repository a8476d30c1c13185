import { useEffect, useId, useState, type FormEvent } from 'react';
import type { LexicalEditor } from 'lexical';
import { runAction } from '../actions';
import { readCaption, runTableAction, setCaption, type TableAction } from '../table/table-actions';
import { MAX_CAPTION_LENGTH } from '../../../common/editor/table-shape';
import { ToolbarButton } from './ToolbarButton';
import { useDialogCommand } from './useDialogCommand';
import { usePlacement } from '../popover/usePlacement';

const TOOLS: { action: TableAction; label: string; glyph: string }[] = [
  { action: 'rowAbove', label: 'Insert row above', glyph: '+ Row ↑' },
  { action: 'rowBelow', label: 'Insert row below', glyph: '+ Row ↓' },
  { action: 'columnLeft', label: 'Insert column left', glyph: '+ Col ←' },
  { action: 'columnRight', label: 'Insert column right', glyph: '+ Col →' },
  { action: 'deleteRow', label: 'Delete row', glyph: '− Row' },
  { action: 'deleteColumn', label: 'Delete column', glyph: '− Col' },
];

/** The Table button, and the table's own tools while the caret is in a table. */
export function TableControls({ editor, inTable, headerRow }: { editor: LexicalEditor; inTable: boolean; headerRow: boolean }) {
  const caption = useDialogCommand(editor, 'caption');
  useEffect(() => {
    if (!inTable && caption.open) caption.close(false);
  }, [inTable, caption]);
  return (
    <>
      <div className="toolbar__group" role="group" aria-label="Table">
        <ToolbarButton label="Insert table" action="table" disabled={inTable} onClick={() => runAction(editor, 'table')}>
          <span className="toolbar__glyph">Table</span>
        </ToolbarButton>
      </div>
      {inTable && (
        <div className="toolbar__group toolbar__group--table" role="group" aria-label="Table tools">
          {TOOLS.map((t) => (
            <ToolbarButton key={t.action} label={t.label} structural onClick={() => runTableAction(editor, t.action)}>
              <span className="toolbar__glyph">{t.glyph}</span>
            </ToolbarButton>
          ))}
          <ToolbarButton label="Header row" structural pressed={headerRow} onClick={() => runTableAction(editor, 'toggleHeaderRow')}>
            <span className="toolbar__glyph">Header row</span>
          </ToolbarButton>
          <ToolbarButton label="Table caption" structural onClick={caption.show}>
            <span className="toolbar__glyph">Caption…</span>
          </ToolbarButton>
          <ToolbarButton label="Delete table" structural onClick={() => runTableAction(editor, 'deleteTable')}>
            <span className="toolbar__glyph">Delete table</span>
          </ToolbarButton>
          {caption.open && <CaptionForm editor={editor} anchor={caption.anchor} onClose={() => caption.close()} />}
        </div>
      )}
    </>
  );
}

interface CaptionProps {
  editor: LexicalEditor;
  anchor: ReturnType<typeof useDialogCommand>['anchor'];
  onClose: () => void;
}

function CaptionForm({ editor, anchor, onClose }: CaptionProps) {
  const id = useId();
  const [value, setValue] = useState(() => readCaption(editor));
  const place = usePlacement(anchor);
  const close = onClose;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCaption(editor, value);
    close();
  };
  return (
    <form ref={place} className="toolbar__popover ed-form" role="dialog" aria-label="Table caption" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <label className="field__label" htmlFor={`${id}-caption`}>
        Caption
      </label>
      <input id={`${id}-caption`} className="input" value={value} maxLength={MAX_CAPTION_LENGTH} autoFocus onChange={(e) => setValue(e.target.value)} />
      <div className="ed-form__actions">
        <button type="submit" className="button button--primary">
          Save caption
        </button>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
