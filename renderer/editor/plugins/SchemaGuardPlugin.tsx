import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HeadingNode } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import { $isRootOrShadowRoot, TextNode, type LexicalNode } from 'lexical';
import { HorizontalRuleNode, ImageNode } from '../../../common/editor/nodes';

/** Images and rules are blocks: one pasted inside a paragraph moves out to just after it. */
function $liftBlock(node: LexicalNode): void {
  const parent = node.getParent();
  if (!parent || $isRootOrShadowRoot(parent)) return;
  const top = parent.getTopLevelElement();
  if (!top) return;
  top.insertAfter(node);
  if (parent.getChildrenSize() === 0 && parent.isAttached()) parent.remove();
}

/**
 * Keeps the document inside the shapes the exporter knows, whatever arrives by paste or drop:
 * headings are h2–h4 (the title is the h1), text carries no inline CSS, images and rules sit at
 * the top level. Transforms run only
 * on nodes that changed, so typing costs one check per keystroke.
 */
export function SchemaGuardPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(HeadingNode, (node) => {
          const tag = node.getTag();
          if (tag === 'h1') node.setTag('h2');
          else if (tag === 'h5' || tag === 'h6') node.setTag('h4');
        }),
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
        }),
        editor.registerNodeTransform(ImageNode, $liftBlock),
        editor.registerNodeTransform(HorizontalRuleNode, $liftBlock),
      ),
    [editor],
  );
  return null;
}
