/**
 * A pull quote: a short excerpt repeated large beside the text. Its own node (not a styled quote)
 * so the exporter can emit <aside><blockquote> and the text counts can skip or keep it knowingly.
 */
import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  ElementNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';
import { themedElement } from './themed-element';

const PULL_CLASS = /(^|\s)(pull-?quote)(\s|$)/i;

function isPullQuoteElement(el: HTMLElement): boolean {
  if (PULL_CLASS.test(el.className)) return true;
  const parent = el.parentElement;
  return parent !== null && parent.tagName === 'ASIDE' && PULL_CLASS.test(parent.className);
}

export class PullQuoteNode extends ElementNode {
  static override getType(): string {
    return 'pullquote';
  }

  static override clone(node: PullQuoteNode): PullQuoteNode {
    return new PullQuoteNode(node.__key);
  }

  static override importJSON(json: Record<string, unknown>): PullQuoteNode {
    return $createPullQuoteNode().updateFromJSON(json as never);
  }

  static override importDOM(): DOMConversionMap {
    // Only blockquotes marked as pull quotes (class, or inside <aside class="pullquote">); plain ones stay quotes.
    return {
      blockquote: (el: HTMLElement) =>
        isPullQuoteElement(el) ? { conversion: () => ({ node: $createPullQuoteNode() }), priority: 2 } : null,
    };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const el = themedElement('aside', config, 'pullquote');
    el.setAttribute('aria-label', 'Pull quote');
    return el;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const aside = doc.createElement('aside');
    aside.className = 'pullquote';
    const quote = doc.createElement('blockquote');
    aside.append(quote);
    // Lexical appends the children's HTML to `element`; after() moves them into the blockquote.
    return {
      element: aside,
      after: (generated) => {
        if (!generated) return generated;
        const el = generated as HTMLElement;
        const inner = el.querySelector('blockquote');
        if (inner) for (const child of Array.from(el.childNodes)) if (child !== inner) inner.append(child);
        return el;
      },
    };
  }

  /** Enter at the end leaves the pull quote for a normal paragraph. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode();
    paragraph.setDirection(this.getDirection());
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  /** Backspace at the start turns it back into a paragraph. */
  override collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    for (const child of this.getChildren()) paragraph.append(child);
    this.replace(paragraph);
    return true;
  }

  override canMergeWhenEmpty(): true {
    return true;
  }
}

export function $createPullQuoteNode(): PullQuoteNode {
  return $applyNodeReplacement(new PullQuoteNode());
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode;
}
