/**
 * A footnote reference. The note's text travels inside the node (so cutting and pasting a
 * sentence takes its note along); the editor numbers references in document order with a CSS
 * counter, and the exporter collects the notes at the end.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { SerializedFootnote } from '../serialized';
import { renderDecorator } from './decorator-renderer';
import { themedElement } from './themed-element';

export const MAX_FOOTNOTE_LENGTH = 5000;

export class FootnoteNode extends DecoratorNode<unknown> {
  __note: string;

  static override getType(): string {
    return 'footnote';
  }

  static override clone(node: FootnoteNode): FootnoteNode {
    return new FootnoteNode(node.__note, node.__key);
  }

  static override importJSON(json: Record<string, unknown>): FootnoteNode {
    return $createFootnoteNode(typeof json.note === 'string' ? json.note : '');
  }

  static override importDOM(): DOMConversionMap {
    // Our own export and pastes from the editor carry the note in data-footnote.
    return {
      sup: (el: HTMLElement) =>
        el.hasAttribute('data-footnote')
          ? { conversion: () => ({ node: $createFootnoteNode(el.getAttribute('data-footnote') ?? '') }), priority: 2 }
          : null,
    };
  }

  constructor(note = '', key?: NodeKey) {
    super(key);
    this.__note = note;
  }

  override exportJSON(): SerializedFootnote {
    return { type: 'footnote', version: 1, note: this.__note };
  }

  override exportDOM(): DOMExportOutput {
    const sup = $getDocument().createElement('sup');
    sup.setAttribute('data-footnote', this.__note);
    sup.className = 'footnote-ref';
    return { element: sup };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const el = themedElement('sup', config, 'footnote');
    return el;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): true {
    return true;
  }

  /** Notes are not part of the running text: counts and find skip them. */
  override getTextContent(): string {
    return '';
  }

  getNote(): string {
    return this.getLatest().__note;
  }

  setNote(note: string): this {
    const self = this.getWritable();
    self.__note = note.slice(0, MAX_FOOTNOTE_LENGTH);
    return self;
  }

  override decorate(): unknown {
    return renderDecorator(this);
  }
}

export function $createFootnoteNode(note: string): FootnoteNode {
  return $applyNodeReplacement(new FootnoteNode(note.slice(0, MAX_FOOTNOTE_LENGTH)));
}

export function $isFootnoteNode(node: LexicalNode | null | undefined): node is FootnoteNode {
  return node instanceof FootnoteNode;
}
