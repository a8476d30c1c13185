import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createHeadlessEditor } from '@lexical/headless';
import { $generateNodesFromDOM } from '@lexical/html';
import { $getRoot, $isElementNode } from 'lexical';
import { DRAFT_NODES } from './index';

/** Pasted HTML through each node's importDOM rule, as the editor's paste plugin does it. */
function importHtml(html: string): any[] {
  const editor = createHeadlessEditor({ namespace: 't', nodes: DRAFT_NODES, onError: (e) => { throw e; } });
  const dom = new JSDOM(html).window.document;
  editor.update(
    () => {
      const root = $getRoot().clear();
      for (const node of $generateNodesFromDOM(editor, dom)) if ($isElementNode(node) || node.isInline() === false) root.append(node);
    },
    { discrete: true },
  );
  return (editor.getEditorState().toJSON().root.children as any[]);
}

describe('HTML rules of our nodes', () => {
  it('reads a pull quote, a rule, a captioned data image and a footnote reference', () => {
    const blocks = importHtml(
      `<aside class="pullquote"><blockquote>Said large</blockquote></aside><blockquote>Plain quote</blockquote><hr>` +
        `<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="Chart" width="640" height="480"><figcaption>Figure 1</figcaption></figure>` +
        `<p>Claim<sup data-footnote="Source: survey">1</sup></p>`,
    );
    expect(blocks.map((b) => b.type)).toEqual(['pullquote', 'quote', 'horizontalrule', 'image', 'paragraph']);
    expect(blocks[0].children[0].text).toBe('Said large');
    expect(blocks[3]).toMatchObject({ src: 'data:image/png;base64,iVBORw0KGgo=', altText: 'Chart', caption: 'Figure 1', width: 640, height: 480 });
    expect(blocks[4].children).toEqual([expect.objectContaining({ text: 'Claim' }), { type: 'footnote', version: 1, note: 'Source: survey' }]);
  });

  it('drops remote images instead of fetching them', () => {
    const blocks = importHtml('<p>Before</p><img src="https://tracker.example/pixel.gif" alt="x"><p>After</p>');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });
});
