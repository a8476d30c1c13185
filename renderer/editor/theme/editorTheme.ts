/** Class names Lexical puts on the nodes it renders; the rules are in editor.css. */
import type { EditorThemeClasses } from 'lexical';

export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  heading: { h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4' },
  quote: 'ed-quote',
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-li--nested' },
  },
  link: 'ed-link',
  table: 'ed-table',
  tableRow: 'ed-tr',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  tableCellSelected: 'ed-td--selected',
  tableSelection: 'ed-table--selection',
  tableScrollableWrapper: 'ed-table-wrap',
  // Editorial notes' anchors (renderer/editor/notes/notes.css).
  mark: 'note-mark',
  markOverlap: 'note-mark--overlap',
  // Pending suggestions (renderer/editor/suggestions/suggestions.css).
  'suggestion-insert': 'suggestion-insert',
  'suggestion-delete': 'suggestion-delete',
  'suggestion-format': 'suggestion-format',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
    code: 'ed-code',
    subscript: 'ed-sub',
    superscript: 'ed-sup',
  },
  // Our own nodes read these keys in createDOM.
  pullquote: 'ed-pullquote',
  hr: 'ed-hr',
  image: 'ed-image',
  footnote: 'ed-footnote',
};
