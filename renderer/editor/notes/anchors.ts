/**
 * Where the notes sit in the editor: the MarkNodes carrying note ids, in text order. Read only
 * when a mark changes (a mutation listener), never per keystroke elsewhere in the text.
 */
import { $isMarkNode, type MarkNode } from '@lexical/mark';
import { $getRoot, $isElementNode, $isTextNode, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';

export interface NoteAnchors {
  /** Note ids in the order their first words appear. */
  order: string[];
  /** Every mark element with the notes it carries, for styling its DOM. */
  marks: { key: NodeKey; ids: string[] }[];
}

export const NO_ANCHORS: NoteAnchors = { order: [], marks: [] };

export function $noteAnchors(): NoteAnchors {
  const seen = new Set<string>();
  const marks: NoteAnchors['marks'] = [];
  const visit = (node: LexicalNode) => {
    if ($isMarkNode(node)) {
      const ids = node.getIDs();
      marks.push({ key: node.getKey(), ids });
      for (const id of ids) seen.add(id);
    }
    if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  return { order: [...seen], marks };
}

/** The first mark of a note. */
function $firstMark(id: string): MarkNode | null {
  let found: MarkNode | null = null;
  const visit = (node: LexicalNode): boolean => {
    if ($isMarkNode(node) && node.hasID(id)) return ((found = node), true);
    return $isElementNode(node) && node.getChildren().some(visit);
  };
  visit($getRoot());
  return found;
}

/** Selects the first words of a note (Lexical scrolls them into view). False when the note is detached. */
export function $selectNote(id: string): boolean {
  const mark = $firstMark(id);
  if (!mark) return false;
  const first = mark.getFirstDescendant();
  if ($isTextNode(first)) first.select(0, first.getTextContentSize());
  else mark.selectStart();
  return true;
}

/** The notes around the caret: the ids of the innermost mark holding it, if any. */
export function noteIdsAt(node: LexicalNode | null): string[] {
  for (let n = node; n; n = n.getParent()) {
    if ($isMarkNode(n)) return n.getIDs();
    if ($isElementNode(n) && !n.isInline()) break;
  }
  return [];
}

/**
 * Styles each mark's DOM: resolved notes are not highlighted, the note being read is. Classes are
 * set beside Lexical's own (its updateDOM adds and removes only the theme's classes).
 */
export function styleMarks(editor: LexicalEditor, marks: NoteAnchors['marks'], isOpen: (id: string) => boolean, active: string | null): void {
  for (const { key, ids } of marks) {
    const el = editor.getElementByKey(key);
    if (!el) continue;
    el.classList.toggle('note-mark--resolved', !ids.some(isOpen));
    el.classList.toggle('note-mark--active', active !== null && ids.includes(active));
  }
}
