/**
 * The body read straight from its Yjs tree (body-json.ts) gives the same bytes as the body read
 * through a headless Lexical editor (body-binding.ts), on the bench's generated drafts and on
 * every draft node type; where it cannot be sure it says so (null), and the editor reads it.
 */
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createMarkNode } from '@lexical/mark';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createTableNodeWithDimensions } from '@lexical/table';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { build, type SerializedBlock, type SerializedInline, type TextFormatName } from '../../common/editor/serialized';
import { $createFootnoteNode, $createImageNode, $createPullQuoteNode, $createHorizontalRuleNode } from '../../common/editor/nodes';
import { bindEditor, editFrom, readBody } from './body-binding';
import { plainBodyJson } from './body-json';

const throughEditor = (doc: Y.Doc) => JSON.stringify(readBody(Y.encodeStateAsUpdate(doc)));

/** A body document written by a bound headless editor, as a window writes it. */
function written(...blocks: Array<() => LexicalNode>): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  const bound = bindEditor(doc);
  bound.editor.update(() => void $getRoot().clear().append(...blocks.map((b) => b())), { discrete: true });
  bound.close();
  return doc;
}

/**
 * Drafts shaped like the bench's (bench/generate/draft.ts, which main/ may not import): paragraphs
 * of plain and formatted runs, links and footnotes, headings, nested lists, quotes, pull quotes,
 * pictures and rules, drawn from a seeded sequence.
 */
function benchLikeDraft(seed: number) {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const words = (n: number) => Array.from({ length: n }, () => pick(['care', 'staff', 'the', 'Patients', 'of', 'review,', 'winter', 'and', 'policy.', 'ruvengal'])).join(' ');
  const runs = (): SerializedInline[] => {
    const out: SerializedInline[] = [];
    for (let i = 0, n = 1 + Math.floor(next() * 6); i < n; i++) {
      const r = next();
      // Neighbouring runs alternate plain and styled, as an editor leaves them.
      if (i % 2 === 0) out.push(build.text(`${words(3 + Math.floor(next() * 12))} `));
      else if (r < 0.5) out.push(build.text(`${words(2 + Math.floor(next() * 5))} `, [pick<TextFormatName>(['bold', 'italic', 'code', 'underline'])]));
      else out.push(build.link(`https://example.org/${i}`, [build.text(words(3))]));
    }
    if (next() < 0.1) out.push(build.footnote(`Source: ${words(4)}.`));
    return out;
  };
  const blocks: SerializedBlock[] = [];
  for (let i = 0, n = 6 + Math.floor(next() * 40); i < n; i++) {
    const r = next();
    if (r < 0.6) blocks.push(build.paragraph(runs()));
    else if (r < 0.68) blocks.push(build.heading(pick(['h2', 'h3', 'h4'] as const), [build.text(words(4))]));
    else if (r < 0.8) blocks.push(build.list(pick(['bullet', 'number'] as const), [runs(), build.list('bullet', [runs(), runs()]), runs()]));
    else if (r < 0.85) blocks.push(build.quote(runs()));
    else if (r < 0.9) blocks.push(build.pullQuote([build.text(words(8))]));
    else if (r < 0.96) blocks.push(build.image('data:image/png;base64,iVBORw0KGgo=', `Illustration: ${words(3)}`, words(4), 640, 360));
    else blocks.push(build.horizontalRule());
  }
  return build.root(blocks);
}

const text = (t: string, format = 0) => $createTextNode(t).setFormat(format);
const para = (...children: Array<() => LexicalNode>) => () => $createParagraphNode().append(...children.map((c) => c()));

describe('a body read straight from its Yjs tree', () => {
  it('is byte-identical to the editor’s reading on drafts shaped like the bench’s, and never needs the editor for them', () => {
    for (let i = 0; i < 40; i++) {
      const draft = benchLikeDraft(20261126 + i);
      const doc = new Y.Doc({ gc: false });
      Y.applyUpdate(doc, editFrom(null, draft));
      const plain = plainBodyJson(doc);
      expect(plain, `draft ${i}`).not.toBeNull();
      expect(JSON.stringify(plain)).toBe(throughEditor(doc));
    }
  });

  it('is byte-identical on the draft node types it knows, in their usual forms', () => {
    const cases: Array<[string, Y.Doc]> = [
      ['formats, a line break and an empty paragraph', written(para(() => text('bold ', 1), () => text('italic', 2), () => $createLineBreakNode(), () => text('after')), () => $createParagraphNode())],
      ['an aligned, indented paragraph', written(() => $createParagraphNode().setFormat('center').setIndent(2).append(text('centred')))],
      ['a paragraph with a text format of its own and no text', written(() => $createParagraphNode().setTextFormat(1).setTextStyle('color: red'))],
      ['a paragraph opening with a link', written(para(() => $createLinkNode('https://example.org/b').append(text('link', 2)), () => text(' then', 1)))],
      ['a styled text', written(para(() => $createTextNode('red').setStyle('color: red')))],
      ['headings', written(() => $createHeadingNode('h2').append(text('Two')), () => $createHeadingNode('h3').append(text('Three')))],
      ['lists', written(() => $createListNode('number', 3).append($createListItemNode().append(text('one')), $createListItemNode().append(text('two'))), () => $createListNode('bullet').append($createListItemNode().append(text('dot'))))],
      ['a link with a target and title', written(para(() => text('see '), () => $createLinkNode('https://example.org/a', { target: '_blank', rel: 'noopener', title: 'A' }).append(text('this'))))],
      ['a quote and a pull quote', written(() => $createQuoteNode().append(text('quoted')), () => $createPullQuoteNode().append(text('pulled')))],
      ['an image, a footnote and a rule', written(() => $createImageNode({ src: 'https://example.org/i.png', altText: 'alt', caption: 'cap', width: 10, height: 20 }), para(() => text('noted'), () => $createFootnoteNode('a note')), () => $createHorizontalRuleNode(), () => $createImageNode({ src: 'x.png', altText: '' }))],
    ];
    for (const [name, doc] of cases) {
      const plain = plainBodyJson(doc);
      expect(plain, name).not.toBeNull();
      expect(JSON.stringify(plain), name).toBe(throughEditor(doc));
    }
  });

  it('leaves to the editor what it does not know (tables, marks), and the editor still reads them', () => {
    const cases: Array<[string, Y.Doc]> = [
      ['a table', written(() => $createTableNodeWithDimensions(2, 2, false), () => $createParagraphNode())],
      ['a note mark', written(para(() => text('before '), () => $createMarkNode(['n1']).append(text('marked'))))],
      ['a checklist', written(() => $createListNode('check').append($createListItemNode(true).append(text('done'))))],
    ];
    for (const [name, doc] of cases) {
      const plain = plainBodyJson(doc);
      if (plain !== null) expect(JSON.stringify(plain), name).toBe(throughEditor(doc));
      expect(throughEditor(doc), name).toContain('"root"');
    }
    expect(plainBodyJson(cases[0][1])).toBeNull();
  });

  it('leaves to the editor a tree that Lexical would normalize: neighbouring text of one format after concurrent edits', () => {
    const a = written(para(() => text('shared')));
    const b = new Y.Doc({ gc: false });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Two members each append a plain text node to the same paragraph offline, then merge.
    for (const [doc, words] of [[a, ' from Ann'], [b, ' from Ed']] as const) {
      const bound = bindEditor(doc);
      bound.editor.update(() => void $getRoot().getFirstChildOrThrow<import('lexical').ParagraphNode>().append($createTextNode(words).setFormat(1)), { discrete: true });
      bound.close();
    }
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const plain = plainBodyJson(a);
    if (plain !== null) expect(JSON.stringify(plain)).toBe(throughEditor(a));
  });
});
