/**
 * A read-only DOM view of a parse5 tree: the few Node and Element members htmlToEditorState
 * (common/editor/from-dom.ts) reads, so that imports can convert post bodies without jsdom, whose
 * loading alone takes longer than a small import. parse5 is the parser jsdom itself uses, and the
 * body is parsed as a fragment in a <body> context, exactly as `body.innerHTML = html` does, so
 * the tree is the one jsdom would build. post-body.test.ts compares the two on the same inputs.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { parse5 } from '../sanitize/parse5-loader';

type P5Node = DefaultTreeAdapterMap['node'];

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;
const FRAGMENT = 11;

class NodeView {
  constructor(private readonly node: P5Node) {}

  get nodeType(): number {
    if ('tagName' in this.node) return ELEMENT;
    if (this.node.nodeName === '#text') return TEXT;
    return this.node.nodeName === '#comment' ? COMMENT : FRAGMENT;
  }

  get nodeValue(): string | null {
    const n = this.node;
    return n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : n.nodeName === '#comment' ? (n as DefaultTreeAdapterMap['commentNode']).data : null;
  }

  get localName(): string {
    return 'tagName' in this.node ? this.node.tagName : '';
  }

  /** A template's content is a fragment of its own in both parse5 and the DOM: not among its children. */
  get childNodes(): NodeView[] {
    return 'childNodes' in this.node ? this.node.childNodes.map((c) => new NodeView(c)) : [];
  }

  get children(): NodeView[] {
    return this.childNodes.filter((c) => c.nodeType === ELEMENT);
  }

  getAttribute(name: string): string | null {
    if (!('attrs' in this.node)) return null;
    return this.node.attrs.find((a) => a.name === name && !a.namespace)?.value ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }

  get textContent(): string {
    if (this.nodeType !== ELEMENT && this.nodeType !== FRAGMENT) return this.nodeValue ?? '';
    let out = '';
    const walk = (n: P5Node) => {
      if (n.nodeName === '#text') out += (n as DefaultTreeAdapterMap['textNode']).value;
      else if ('childNodes' in n) n.childNodes.forEach(walk);
    };
    walk(this.node);
    return out;
  }

  /** Only what from-dom asks: a tag name or a comma-separated list of them. */
  querySelector(selector: string): NodeView | null {
    const tags = selector.split(',').map((s) => s.trim().toLowerCase());
    if (tags.some((t) => !/^[a-z][a-z0-9-]*$/.test(t))) throw new Error(`parse5-dom supports tag-name selectors only, not "${selector}"`);
    const wanted = new Set(tags);
    const find = (n: P5Node): P5Node | null => {
      if (!('childNodes' in n)) return null;
      for (const c of n.childNodes) {
        if ('tagName' in c && wanted.has(c.tagName)) return c;
        const deeper = find(c);
        if (deeper) return deeper;
      }
      return null;
    };
    const hit = find(this.node);
    return hit ? new NodeView(hit) : null;
  }
}

/** `html` parsed as a <body>'s innerHTML, as an Element for htmlToEditorState. */
export function parseBodyHtml(html: string): Element {
  const { defaultTreeAdapter, html: parse5Html, parseFragment } = parse5();
  const body = defaultTreeAdapter.createElement('body', parse5Html.NS.HTML, []);
  const fragment = parseFragment(body, html, {});
  return new NodeView(fragment) as unknown as Element;
}
