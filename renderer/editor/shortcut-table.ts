/**
 * The README's table of editor shortcuts, made from the keymap the editor uses (SHORTCUTS), so
 * the two cannot disagree: scripts/readme-shortcuts.test.ts fails when the README's copy differs.
 */
import { formatShortcut, SHORTCUTS, type ShortcutAction } from './shortcuts';

const WHAT: Record<ShortcutAction, string> = {
  bold: 'Bold', italic: 'Italic', underline: 'Underline', strikethrough: 'Strikethrough', code: 'Inline code',
  subscript: 'Subscript', superscript: 'Superscript', link: 'Link', paragraph: 'Paragraph',
  h2: 'Heading 2', h3: 'Heading 3', h4: 'Heading 4', bullet: 'Bulleted list', number: 'Numbered list',
  quote: 'Block quote', pullquote: 'Pull quote', rule: 'Horizontal rule', image: 'Picture', footnote: 'Footnote', table: 'Table',
  note: 'Add a note', nextNote: 'Next note', prevNote: 'Previous note', suggest: 'Suggestion mode on/off',
  find: 'Find', replace: 'Find and replace', undo: 'Undo', redo: 'Redo',
};

export const README_START = '<!-- editor-shortcuts:start (made from renderer/editor/shortcuts.ts; checked by scripts/readme-shortcuts.test.ts) -->';
export const README_END = '<!-- editor-shortcuts:end -->';

/** The Markdown table, Windows/Linux keys first and the Mac's beside them. */
export function shortcutTableMarkdown(): string {
  const rows = SHORTCUTS.map((s) => `| ${WHAT[s.action]} | ${formatShortcut(s, false)} | ${formatShortcut(s, true)} |`);
  return ['| action | Windows, Linux | Mac |', '|---|---|---|', ...rows].join('\n');
}
