import type { ReactNode } from 'react';
import { shortcutLabel, type ShortcutAction } from '../shortcuts';
import { changesStructure } from '../suggestions/guest-limits';
import { useGuestHold } from '../suggestions/useGuestHold';

interface Props {
  label: string;
  action?: ShortcutAction;
  pressed?: boolean;
  disabled?: boolean;
  /** The id of what says why it is as it is (a held toggle's reason). */
  describedBy?: string;
  /** It changes the text's structure (its action, if any, says so already): held back for a guest author. */
  structural?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/** A toolbar button: accessible name, pressed state for toggles, and its shortcut in the tooltip. */
export function ToolbarButton({ label, action, pressed, disabled, describedBy, structural, onClick, children }: Props) {
  const keys = action ? shortcutLabel(action) : '';
  const { held, props: hold } = useGuestHold(structural || (action !== undefined && changesStructure(action)));
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
      {...hold}
      // Keep the editor's selection: a mouse press on the toolbar must not blur the text.
      onMouseDown={(e) => e.preventDefault()}
      onClick={held ? undefined : onClick}
    >
      {children}
    </button>
  );
}
