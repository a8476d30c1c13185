/**
 * common/ must stay React-free, yet decorator nodes render components in the editor. The
 * renderer registers one factory at start; headless users (exporter, tests) never do, and their
 * decorate() returns null.
 */
import type { LexicalNode } from 'lexical';

export type DecoratorRenderer = (node: LexicalNode) => unknown;

let renderer: DecoratorRenderer | null = null;

export function setDecoratorRenderer(next: DecoratorRenderer | null): void {
  renderer = next;
}

export function renderDecorator(node: LexicalNode): unknown {
  return renderer ? renderer(node) : null;
}
