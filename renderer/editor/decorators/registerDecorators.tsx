/** Connects common/'s React-free decorator nodes to their React components; called once at editor start. */
import { setDecoratorRenderer } from '../../../common/editor/nodes';
import { $isFootnoteNode, $isImageNode } from '../../../common/editor/nodes';
import { ImageComponent } from './ImageComponent';
import { FootnoteComponent } from './FootnoteComponent';
import './decorators.css';

export function registerDecorators(): void {
  setDecoratorRenderer((node) => {
    // decorate() runs inside a read of the editor state, so reading the node's fields is safe here.
    if ($isImageNode(node)) {
      return <ImageComponent nodeKey={node.getKey()} src={node.__src} altText={node.__altText} caption={node.__caption} />;
    }
    if ($isFootnoteNode(node)) return <FootnoteComponent nodeKey={node.getKey()} note={node.__note} />;
    return null;
  });
}
