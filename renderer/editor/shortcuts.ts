/** Every editor shortcut in one table: the keyboard plugin reads it and tooltips show it. */
export type ShortcutAction =
  | 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code' | 'subscript' | 'superscript'
  | 'link' | 'paragraph' | 'h2' | 'h3' | 'h4' | 'bullet' | 'number' | 'quote' | 'pullquote'
  | 'rule' | 'image' | 'footnote' | 'table' | 'find' | 'replace' | 'undo' | 'redo'
  | 'note' | 'nextNote' | 'prevNote' | 'suggest';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.code, so Shift and layouts do not change the key. */
  code: string;
  shift?: boolean;
  alt?: boolean;
}

export const SHORTCUTS: Shortcut[] = [
  { action: 'bold', code: 'KeyB' },
  { action: 'italic', code: 'KeyI' },
  { action: 'underline', code: 'KeyU' },
  { action: 'strikethrough', code: 'KeyX', shift: true },
  { action: 'code', code: 'KeyE' },
  { action: 'subscript', code: 'Comma' },
  { action: 'superscript', code: 'Period' },
  { action: 'link', code: 'KeyK' },
  { action: 'paragraph', code: 'Digit0', alt: true },
  { action: 'h2', code: 'Digit2', alt: true },
  { action: 'h3', code: 'Digit3', alt: true },
  { action: 'h4', code: 'Digit4', alt: true },
  { action: 'number', code: 'Digit7', shift: true },
  { action: 'bullet', code: 'Digit8', shift: true },
  { action: 'quote', code: 'Period', shift: true },
  { action: 'pullquote', code: 'KeyQ', alt: true },
  { action: 'rule', code: 'Minus', alt: true },
  { action: 'image', code: 'KeyM', alt: true },
  { action: 'footnote', code: 'KeyF', alt: true },
  // G for grid: Ctrl+Alt+T opens a terminal on many Linux desktops.
  { action: 'table', code: 'KeyG', alt: true },
  // Editorial notes (Ctrl+Alt+M, the usual comment key, is Picture here): N for note, > and < to move.
  { action: 'note', code: 'KeyN', alt: true },
  { action: 'nextNote', code: 'Period', alt: true },
  { action: 'prevNote', code: 'Comma', alt: true },
  // S for suggest: turns suggestion mode on and off.
  { action: 'suggest', code: 'KeyS', alt: true },
  { action: 'find', code: 'KeyF' },
  { action: 'replace', code: 'KeyH' },
  { action: 'undo', code: 'KeyZ' },
  { action: 'redo', code: 'KeyZ', shift: true },
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_NAMES: Record<string, string> = { Comma: ',', Period: '.', Minus: '-' };

/** The keys as a person presses them: "Ctrl+Alt+2" (on a Mac "Cmd+Option+2"). */
export function formatShortcut(s: Shortcut, mac = isMac): string {
  const key = KEY_NAMES[s.code] ?? s.code.replace(/^Key|^Digit/, '');
  return [mac ? 'Cmd' : 'Ctrl', s.alt ? (mac ? 'Option' : 'Alt') : '', s.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

export function shortcutLabel(action: ShortcutAction): string {
  const s = SHORTCUTS.find((x) => x.action === action);
  return s ? formatShortcut(s) : '';
}

export function matchShortcut(e: KeyboardEvent): ShortcutAction | null {
  if (!(isMac ? e.metaKey : e.ctrlKey)) return null;
  const s = SHORTCUTS.find((x) => x.code === e.code && !!x.shift === e.shiftKey && !!x.alt === e.altKey);
  return s ? s.action : null;
}
