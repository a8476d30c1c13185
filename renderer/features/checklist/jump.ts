/** Takes the user to the place a failing rule names: a field of the side panel, or a block of the text. */
import { $createNodeSelection, $getRoot, $isDecoratorNode, $isElementNode, $setSelection, type LexicalEditor } from 'lexical';
import type { ChecklistTarget } from '../../../common/checklist/rules';

const FIELD_LABELS: Record<Extract<ChecklistTarget, { kind: 'field' }>['field'], string> = {
  standfirst: 'Standfirst',
  tags: 'Tags',
  authors: 'Add an existing author',
  plannedDate: 'Planned date',
  featuredImage: 'Featured image',
  series: 'Series',
};

export function jumpTo(target: ChecklistTarget, editor: LexicalEditor | null): void {
  if (target.kind === 'field') {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === FIELD_LABELS[target.field]);
    const control = (label?.control ?? (label?.htmlFor ? document.getElementById(label.htmlFor) : null)) as HTMLElement | null;
    control?.scrollIntoView({ block: 'center' });
    control?.focus();
    return;
  }
  if (!editor) return;
  editor.update(
    () => {
      const node = $getRoot().getChildAtIndex(target.index);
      if (!node) return;
      if ($isElementNode(node)) node.selectStart();
      else if ($isDecoratorNode(node)) {
        const selection = $createNodeSelection();
        selection.add(node.getKey());
        $setSelection(selection);
      }
      editor.getElementByKey(node.getKey())?.scrollIntoView({ block: 'center' });
    },
    { tag: 'checklist-jump' },
  );
  editor.focus();
}
