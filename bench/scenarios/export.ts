/**
 * export: the 36,000-word draft to a standalone page with the publish renderer (common/publish),
 * from the stored JSON. Baseline: Lexical's own export of the same JSON, a headless editor with
 * the editor's node list and $generateHtmlFromNodes on a jsdom document.
 */
import { JSDOM } from 'jsdom';
import { createHeadlessEditor } from '@lexical/headless';
import { $generateHtmlFromNodes } from '@lexical/html';
import { getPost } from '../../db/repos/posts';
import { openDatabase } from '../../db/connection';
import { median, timeRuns } from '../lib/stats';
import { judge, type Scenario } from '../lib/types';
import { END_MARKER } from '../generate/draft';

const BUDGET_MS = 200;
const DOM_GLOBALS = ['window', 'document', 'DOMParser', 'Node', 'Element', 'HTMLElement', 'DocumentFragment', 'Text'] as const;

/** Lexical's HTML export needs a DOM; jsdom's, installed as globals for the baseline's runs only. */
function withDom<T>(fn: () => T): T {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  const saved = DOM_GLOBALS.map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
  for (const k of DOM_GLOBALS) Object.defineProperty(g, k, { value: k === 'window' ? dom.window : (dom.window as unknown as Record<string, unknown>)[k], configurable: true, writable: true });
  try {
    return fn();
  } finally {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(g, k, d);
      else delete g[k];
    }
    dom.window.close();
  }
}

export const exportScenario: Scenario = {
  name: 'export',
  title: 'the long draft to a standalone page (common/publish) vs Lexical $generateHtmlFromNodes + jsdom',
  async run(ctx) {
    const [{ DRAFT_NODES }, { renderStandalonePage }, { publishInputFor }] = await Promise.all([
      import('../../common/editor/nodes/index'),
      import('../../common/publish/index'),
      import('../../main/exporters/publish-input'),
    ]);
    const db = openDatabase(ctx.data.db, { readonly: true });
    let input;
    let json: string;
    try {
      const post = getPost(db, { id: ctx.data.dataset.longDraftId });
      input = publishInputFor(db, post, { withComments: false, options: {} });
      json = JSON.stringify(post.body);
    } finally {
      db.close();
    }
    const repeats = Math.max(3, ctx.sizes.repeats);

    let page = '';
    const ours = await timeRuns(repeats, () => {
      page = renderStandalonePage({ ...input, post: { ...input.post, body: JSON.parse(json) } }).html;
    });
    if (!page.includes(END_MARKER)) throw new Error('the exported page lacks the end of the draft');

    let lexicalHtml = '';
    const base = withDom(() => {
      const editor = createHeadlessEditor({ namespace: 'bench-export', nodes: DRAFT_NODES, onError: (e) => { throw e; } });
      const runs: number[] = [];
      for (let i = 0; i < repeats + 1; i++) {
        const t = performance.now();
        editor.setEditorState(editor.parseEditorState(json));
        lexicalHtml = editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null));
        if (i > 0) runs.push(performance.now() - t); // the first run warms up, as timeRuns does for ours
      }
      return runs;
    });
    if (!lexicalHtml.includes(END_MARKER)) throw new Error("Lexical's export lacks the end of the draft");
    ctx.log(`standalone page ${(page.length / 1024).toFixed(0)} KiB; Lexical's HTML ${(lexicalHtml.length / 1024).toFixed(0)} KiB`);

    const m = median(ours);
    const b = median(base);
    return {
      status: 'ok',
      rows: [
        {
          name: 'export long draft',
          unit: 'ms',
          ours: m,
          baseline: b,
          baselineName: '$generateHtmlFromNodes + jsdom',
          budget: `< ${BUDGET_MS} ms and < baseline`,
          pass: judge(ctx, m < BUDGET_MS && m < b),
        },
      ],
    };
  },
};
