/** A thematic break between sections; exported as <hr>. */
import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';
import type { SerializedHorizontalRule } from '../serialized';
import { themedElement } from './themed-element';

export class HorizontalRuleNode extends DecoratorNode<unknown> {
  static override getType(): string {
    return 'horizontalrule';
  }

  static override clone(node: HorizontalRuleNode): HorizontalRuleNode {
    return new HorizontalRuleNode(node.__key);
  }

  static override importJSON(_json: Record<string, unknown>): HorizontalRuleNode {
    return $createHorizontalRuleNode();
  }

  static override importDOM(): DOMConversionMap {
    return { hr: () => ({ conversion: () => ({ node: $createHorizontalRuleNode() }), priority: 1 }) };
  }

  override exportJSON(): SerializedHorizontalRule {
    return { type: 'horizontalrule', version: 1 };
  }

  override exportDOM(): DOMExportOutput {
    return { element: $getDocument().createElement('hr') };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const hr = themedElement('hr', config, 'hr');
    return hr;
  }

  override updateDOM(): boolean {
    return false;
  }

  override getTextContent(): string {
    return '\n';
  }

  override isInline(): false {
    return false;
  }

  override decorate(): unknown {
    return null;
  }
}

export function $createHorizontalRuleNode(): HorizontalRuleNode {
  return $applyNodeReplacement(new HorizontalRuleNode());
}

export function $isHorizontalRuleNode(node: LexicalNode | null | undefined): node is HorizontalRuleNode {
  return node instanceof HorizontalRuleNode;
}
