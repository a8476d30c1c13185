/**
 * body-doc: the 36,000-word draft as a Yjs document (issue 14), against the JSON it replaces as
 * the shared form: bytes on disk (the update stored in sync_doc_updates) and heap held once loaded
 * (a Y.Doc with deleted text kept, as main holds bodies, against the parsed JSON).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as Y from 'yjs';
import { getPost } from '../../db/repos/posts';
import { openDatabase } from '../../db/connection';
import { judge, type Scenario } from '../lib/types';

const MB = 1024 * 1024;
/** On disk at most this many times the JSON. */
const BUDGET_X = 3;
/** In memory a Y.Doc holds an item per text run and keeps deleted text: a ceiling for one open long draft. */
const HEAP_BUDGET_MB = 32;

/** The heap a value holds, measured with forced collections on both sides. */
function heldBy(make: () => unknown): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  // Held from a module-level array, not a local: the optimiser may drop a local it sees no later
  // use of, and the small smoke-size draft then measured 0 bytes.
  held.push(make());
  gc();
  const after = process.memoryUsage().heapUsed;
  held.length = 0;
  return Math.max(0, after - before);
}
const held: unknown[] = [];

export const bodyDoc: Scenario = {
  name: 'body-doc',
  title: 'the long draft as a Yjs body document vs its JSON: size on disk and in memory',
  async run(ctx) {
    const { editFrom } = await import('../../main/sync/body-binding');
    const { LocalDocs, LOCAL } = await import('../../main/sync/local-docs');
    const src = openDatabase(ctx.data.db, { readonly: true });
    let json: string;
    try {
      json = JSON.stringify(getPost(src, { id: ctx.data.dataset.longDraftId }).body);
    } finally {
      src.close();
    }
    const update = editFrom(null, JSON.parse(json));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-body-doc-'));
    let disk: number;
    try {
      const db = openDatabase(path.join(dir, 'store.sqlite'));
      const docs = new LocalDocs(db);
      Y.applyUpdate(docs.get('body/bench'), update, LOCAL);
      disk = db.prepare("SELECT sum(length(data)) FROM sync_doc_updates WHERE doc = 'body/bench'").pluck().get() as number;
      docs.destroy();
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const jsonBytes = Buffer.byteLength(json);
    const docHeap = heldBy(() => {
      const doc = new Y.Doc({ gc: false });
      Y.applyUpdate(doc, update);
      return doc;
    });
    const jsonHeap = heldBy(() => JSON.parse(json));
    ctx.log(`JSON ${(jsonBytes / MB).toFixed(2)} MB; Yjs update ${(update.length / MB).toFixed(2)} MB; heap: Y.Doc ${(docHeap / MB).toFixed(1)} MB, parsed JSON ${(jsonHeap / MB).toFixed(1)} MB`);
    return {
      status: 'ok',
      rows: [
        { name: 'long draft body doc on disk', unit: 'MB', ours: disk / MB, baseline: jsonBytes / MB, baselineName: 'its JSON', budget: `<= ${BUDGET_X}x baseline`, pass: judge(ctx, disk <= BUDGET_X * jsonBytes) },
        { name: 'long draft body doc in memory', unit: 'MB', ours: docHeap / MB, baseline: jsonHeap > 0 ? jsonHeap / MB : null, baselineName: jsonHeap > 0 ? 'its parsed JSON' : 'its parsed JSON: below what the heap shows at this size', budget: `< ${HEAP_BUDGET_MB} MB`, pass: judge(ctx, docHeap < HEAP_BUDGET_MB * MB) },
      ],
    };
  },
};
