/**
 * Two members co-edit one body through the real team server, node type by node type: what one
 * makes, the other gets exactly (the same Lexical JSON), and a change the other then makes to the
 * same node comes back. Undo with Y.UndoManager takes back only one's own words.
 */
import { $createLinkNode, $isLinkNode, type LinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createTableNodeWithDimensions, $isTableNode, $insertTableRowAtNode, type TableCellNode, type TableNode, type TableRowNode } from '@lexical/table';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, type ElementNode, type LexicalNode, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $createFootnoteNode, $createImageNode, $createPullQuoteNode, DRAFT_NODES, FootnoteNode, ImageNode, PullQuoteNode } from '../../common/editor/nodes';
import { $createHorizontalRuleNode, HorizontalRuleNode } from '../../common/editor/nodes/HorizontalRuleNode';
import { $getTableCaption, $setTableCaption } from '../../common/editor/nodes/table-caption';
import { useCoEditingPair } from './testing/co-editing-pair';
import { converged, type CoEditor } from './testing/co-editors';

const team = useCoEditingPair('wb-coedit-');
let docs = 0;

/** Ann and Ed on a fresh body document of their own. */
function pair(): Promise<[CoEditor, CoEditor]> {
  return team.pair(`body/0190a0b2-7c1d-7000-8000-${String(++docs).padStart(12, '0')}`);
}

/** Ann writes the body (its first edit: there is no seed in these documents). */
function write(e: CoEditor, ...blocks: Array<() => LexicalNode>): void {
  e.edit(() => $getRoot().clear().append(...blocks.map((b) => b())));
}

/** A paragraph of text and nodes, made inside the edit (nodes exist only inside an update). */
const p = (...parts: Array<string | (() => LexicalNode)>) => () => {
  const para = $createParagraphNode();
  for (const part of parts) para.append(typeof part === 'string' ? $createTextNode(part) : part());
  return para;
};

function first<T extends LexicalNode>(type: string): T {
  const walk = (n: LexicalNode): LexicalNode | null => {
    if (n.getType() === type) return n;
    if ($isElementNode(n)) for (const c of n.getChildren()) {
      const hit = walk(c);
      if (hit) return hit;
    }
    return null;
  };
  const hit = walk($getRoot());
  if (!hit) throw new Error(`no ${type} node`);
  return hit as T;
}

/** Both editors hold the same body, and it is the one expected. */
async function agree(a: CoEditor, b: CoEditor, check: (json: string) => void): Promise<void> {
  // Committing a queued Lexical update can write back to Yjs (normalization): settle until both hold still.
  const end = Date.now() + 20_000;
  for (;;) {
    a.json();
    b.json();
    await converged([a, b]);
    if (JSON.stringify(a.json()) === JSON.stringify(b.json()) || Date.now() > end) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(b.json()).toEqual(a.json());
  check(JSON.stringify(a.json()));
}

describe('co-editing a body, node type by node type (two clients, the real server)', { timeout: 120_000 }, () => {
  it('formatting: bold from one, italic and underline from the other, on one paragraph at once', async () => {
    const [a, b] = await pair();
    write(a, p('Plain words then more words'));
    await agree(a, b, () => undefined);
    a.edit(() => {
      const t = first<TextNode>('text');
      const [bold] = t.splitText(5);
      bold.toggleFormat('bold');
    });
    b.edit(() => {
      const nodes = $getRoot().getAllTextNodes();
      const last = nodes[nodes.length - 1];
      const parts = last.splitText(last.getTextContentSize() - 5);
      parts[parts.length - 1].toggleFormat('italic').toggleFormat('underline');
    });
    await agree(a, b, (json) => {
      expect(json).toContain('"format":1');
      expect(json).toContain('"format":10');
    });
    a.edit(() => {
      const t = $getRoot().getAllTextNodes().find((n) => n.hasFormat('bold'))!;
      t.toggleFormat('code');
    });
    await agree(a, b, (json) => expect(json).toMatch(/"format":17/));
  });

  it('lists: a nested bulleted list and a numbered one, items added from both sides', async () => {
    const [a, b] = await pair();
    write(a, () => {
      const nested = $createListNode('bullet').append($createListItemNode().append($createTextNode('inner')));
      return $createListNode('bullet').append($createListItemNode().append($createTextNode('one')), $createListItemNode().append(nested));
    }, () => $createListNode('number').append($createListItemNode().append($createTextNode('first step'))));
    await agree(a, b, (json) => expect(json).toContain('"listType":"number"'));
    b.edit(() => first<ListNode>('list').append($createListItemNode().append($createTextNode('two from Ed'))));
    a.edit(() => ($getRoot().getLastChild() as ListNode).append($createListItemNode().append($createTextNode('second step'))));
    await agree(a, b, (json) => {
      expect(json).toContain('two from Ed');
      expect(json).toContain('second step');
    });
  });

  it('links: a link with its URL, and the other member retargets it while the first edits its text', async () => {
    const [a, b] = await pair();
    write(a, p('See ', () => $createLinkNode('https://example.org/a', { title: 'A' }).append($createTextNode('the source')), ' here.'));
    await agree(a, b, (json) => expect(json).toContain('https://example.org/a'));
    b.edit(() => first<LinkNode>('link').setURL('https://example.org/b'));
    a.edit(() => {
      const text = first<LinkNode>('link').getFirstChild() as TextNode;
      text.setTextContent('the primary source');
    });
    await agree(a, b, (json) => {
      expect(json).toContain('https://example.org/b');
      expect(json).toContain('the primary source');
    });
    a.edit(() => expect($isLinkNode(first('link'))).toBe(true));
  });

  it('headings and block quotes: levels travel, and text typed into a heading by the other arrives', async () => {
    const [a, b] = await pair();
    write(a, () => $createHeadingNode('h2').append($createTextNode('Part one')), () => $createHeadingNode('h3').append($createTextNode('Detail')), () => $createQuoteNode().append($createTextNode('Quoted.')), p('Body.'));
    await agree(a, b, (json) => {
      expect(json).toContain('"tag":"h2"');
      expect(json).toContain('"tag":"h3"');
      expect(json).toContain('"type":"quote"');
    });
    b.edit(() => (first<ElementNode>('heading').getFirstChild() as TextNode).setTextContent('Part one: rivers'));
    await agree(a, b, (json) => expect(json).toContain('Part one: rivers'));
  });

  it('pull quotes: the block and its text', async () => {
    const [a, b] = await pair();
    write(a, p('Before.'), () => $createPullQuoteNode().append($createTextNode('A line worth repeating.')), p('After.'));
    await agree(a, b, (json) => expect(json).toContain('"type":"pullquote"'));
    b.edit(() => (first<ElementNode>('pullquote').getFirstChild() as TextNode).setTextContent('A line worth repeating twice.'));
    await agree(a, b, (json) => expect(json).toContain('twice'));
  });

  it("footnotes: the marker and its note, and the other member's change to the note", async () => {
    const [a, b] = await pair();
    write(a, p('A claim', () => $createFootnoteNode('Source: the 2024 survey.'), ' and more.'));
    await agree(a, b, (json) => expect(json).toContain('Source: the 2024 survey.'));
    b.edit(() => first<FootnoteNode>('footnote').setNote('Source: the 2025 survey, table 3.'));
    await agree(a, b, (json) => expect(json).toContain('table 3'));
  });

  it('pictures: source, alt text and caption, and alt text and caption changed from either side', async () => {
    const [a, b] = await pair();
    write(a, p('Above.'), p(() => $createImageNode({ src: 'asset:0190a0b2-7c1d-7000-8000-0000000000aa', altText: 'A heron', caption: 'On the Tyne', width: 640, height: 480 })));
    await agree(a, b, (json) => {
      expect(json).toContain('"altText":"A heron"');
      expect(json).toContain('"caption":"On the Tyne"');
      expect(json).toContain('"width":640');
    });
    b.edit(() => first<ImageNode>('image').setAltText('A grey heron standing in shallow water'));
    a.edit(() => first<ImageNode>('image').setCaption('On the Tyne at dawn'));
    await agree(a, b, (json) => {
      expect(json).toContain('A grey heron standing in shallow water');
      expect(json).toContain('On the Tyne at dawn');
    });
  });

  it('horizontal rules: inserted by one between paragraphs the other is typing in', async () => {
    const [a, b] = await pair();
    write(a, p('One.'), p('Two.'));
    await agree(a, b, () => undefined);
    a.edit(() => $getRoot().getFirstChild()!.insertAfter($createHorizontalRuleNode()));
    b.edit(() => ($getRoot().getLastChild() as ElementNode).append($createTextNode(' Ed typed.')));
    await agree(a, b, (json) => {
      expect(json).toContain('"type":"horizontalrule"');
      expect(json).toContain('Ed typed.');
    });
  });

  it("tables: cells, a header row and the caption, a row added by one while the other types in a cell", async () => {
    const [a, b] = await pair();
    write(a, () => {
      const table = $createTableNodeWithDimensions(2, 2, { rows: true, columns: false });
      $setTableCaption(table, 'Rivers by length');
      return table;
    }, p('After the table.'));
    await agree(a, b, (json) => {
      expect(json).toContain('"type":"table"');
      expect(json).toContain('"headerState":1');
    });
    b.edit(() => {
      const table = $getRoot().getChildren().find($isTableNode) as TableNode;
      expect($getTableCaption(table)).toBe('Rivers by length');
      const cell = (table.getChildren()[1] as TableRowNode).getChildren()[0] as TableCellNode;
      (cell.getFirstChild() as ElementNode).append($createTextNode('Tyne'));
    });
    a.edit(() => {
      const table = $getRoot().getChildren().find($isTableNode) as TableNode;
      $insertTableRowAtNode((table.getChildren()[1] as TableRowNode).getChildren()[0] as TableCellNode, true);
      $setTableCaption(table, 'Rivers of the north by length');
    });
    await agree(a, b, (json) => {
      expect(json).toContain('Tyne');
      expect(json.match(/"type":"tablerow"/g)).toHaveLength(3);
    });
    b.edit(() => expect($getTableCaption($getRoot().getChildren().find($isTableNode) as TableNode)).toBe('Rivers of the north by length'));
  });

  it("undo takes back one's own words only: the other member's stay on both sides", async () => {
    const [a, b] = await pair();
    write(a, p('Shared start.'));
    await agree(a, b, () => undefined);
    a.undo.stopCapturing();
    a.edit(() => ($getRoot().getFirstChild() as ElementNode).append($createTextNode(' Ann adds this.')));
    await converged([a, b]);
    b.edit(() => ($getRoot().getFirstChild() as ElementNode).append($createTextNode(' Ed adds that.')));
    await converged([a, b]);
    expect(a.undo.undoStack.length).toBeGreaterThan(0);
    a.undo.undo();
    await agree(a, b, (json) => {
      expect(json).not.toContain('Ann adds this.');
      expect(json).toContain('Shared start.');
      expect(json).toContain('Ed adds that.');
    });
    b.undo.undo();
    await agree(a, b, (json) => {
      expect(json).not.toContain('Ed adds that.');
      expect(json).toContain('Shared start.');
    });
  });
});

/** Lexical's own fields of every element or decorator; the check is about the fields our nodes add. */
const BASE_FIELDS = new Set(['type', 'version', 'children', '$', 'textFormat', 'textStyle', 'format', 'indent', 'direction']);

describe('the draft nodes as @lexical/yjs needs them (TEAM-SYNC.md)', () => {
  it('every node type is made with no arguments; our own nodes then hold every property they serialize', () => {
    const editor = createHeadlessEditor({ nodes: DRAFT_NODES, onError: (e) => { throw e; } });
    const ours = new Set<unknown>([ImageNode, FootnoteNode, PullQuoteNode, HorizontalRuleNode]);
    editor.update(() => {
      for (const Klass of DRAFT_NODES) {
        const node = new (Klass as unknown as new () => LexicalNode)();
        expect(node.getType()).toBe(Klass.getType());
        if (!ours.has(Klass)) continue;
        const json = node.exportJSON() as unknown as Record<string, unknown>;
        for (const [key, value] of Object.entries(json)) if (!BASE_FIELDS.has(key)) expect(value, `${Klass.getType()}.${key}`).not.toBeUndefined();
        // The binding copies the fields it finds on a node: each must exist on a node made with no arguments.
        for (const key of Object.keys(json).filter((k) => !BASE_FIELDS.has(k))) expect(`__${key}` in node, `${Klass.getType()}.__${key}`).toBe(true);
      }
    }, { discrete: true });
  });
});
