import type { ReactNode } from 'react';
import { shortcutLabel, type ShortcutAction } from '../shortcuts';

interface Props {
  label: string;
  action?: ShortcutAction;
  pressed?: boolean;
  disabled?: boolean;
  /** The id of what says why it is as it is (a held toggle's reason). */
  describedBy?: string;
  onClick: () => void;
  children: ReactNode;
}

/** A toolbar button: accessible name, pressed state for toggles, and its shortcut in the tooltip. */
export function ToolbarButton({ label, action, pressed, disabled, describedBy, onClick, children }: Props) {
  const keys = action ? shortcutLabel(action) : '';
  return (
    <button
      type="button"
      className="toolbar__button"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={keys ? keys.replace(/Cmd/, 'Meta').replace(/Ctrl/, 'Control') : undefined}
      title={keys ? `${label} (${keys})` : label}
      disabled={disabled}
      aria-describedby={describedBy}
      // Keep the editor's selection: a mouse press on the toolbar must not blur the text.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
