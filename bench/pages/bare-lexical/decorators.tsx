/**
 * The bare page's decorator rendering: the same nodes need something to show for images and
 * footnotes, so the baseline renders them as plain elements (no toolbar, resizing or popovers).
 */
import { $isFootnoteNode, $isImageNode, setDecoratorRenderer } from '../../../common/editor/nodes/index';

export function registerBareDecorators(): void {
  setDecoratorRenderer((node) => {
    if ($isImageNode(node)) {
      return (
        <figure>
          <img src={node.getSrc()} alt={node.__altText} />
          {node.getCaption() && <figcaption>{node.getCaption()}</figcaption>}
        </figure>
      );
    }
    if ($isFootnoteNode(node)) return <sup title={node.getNote()}>*</sup>;
    return null;
  });
}
