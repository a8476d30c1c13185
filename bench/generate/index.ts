/**
 * Builds the bench data once per (generator source, schema version, size) and reuses it: the
 * WXR file, the data set database and the long draft's JSON, under bench/.data/<size>/.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LATEST_VERSION } from '../../db/migrate';
import type { SerializedEditorState } from '../../common/editor/serialized';
import { editorStateText } from '../../common/editor/state-text';
import type { Sizes } from '../lib/sizes';
import { buildDataset, longDraftState, stored, type DatasetInfo } from './dataset';
import { writeWxr, type WxrStats } from './wxr';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const BENCH_DIR = path.resolve(HERE, '..');
export const DATA_ROOT = process.env.BENCH_DATA_DIR || path.join(BENCH_DIR, '.data');

export interface BenchData {
  dir: string;
  sizes: Sizes;
  wxr: WxrStats;
  /** The data set database; scenarios that write work on a copy (see copyDataset). */
  db: string;
  dataset: DatasetInfo;
  longDraft: { state: SerializedEditorState; json: string; text: string; words: number };
}

function generatorKey(sizes: Sizes): string {
  const hash = crypto.createHash('sha256');
  for (const f of fs.readdirSync(HERE).sort()) if (f.endsWith('.ts') && !f.endsWith('.test.ts')) hash.update(fs.readFileSync(path.join(HERE, f)));
  hash.update(`schema ${LATEST_VERSION}\n${JSON.stringify(sizes)}`);
  return hash.digest('hex').slice(0, 16);
}

export function ensureData(sizes: Sizes, log: (line: string) => void = () => {}, root = DATA_ROOT): BenchData {
  const dir = path.join(root, sizes.name);
  const manifestFile = path.join(dir, 'manifest.json');
  const key = generatorKey(sizes);
  const state = longDraftState(sizes);
  const json = JSON.stringify(state);
  const text = editorStateText(stored(state));
  const longDraft = { state, json, text, words: sizes.longDraft.words };
  if (fs.existsSync(manifestFile)) {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (m.key === key && fs.existsSync(m.db) && fs.existsSync(m.wxr.file)) return { dir, sizes, wxr: m.wxr, db: m.db, dataset: m.dataset, longDraft };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const shape = { posts: sizes.commentPosts, comments: sizes.comments, seed: sizes.seed };
  let t = performance.now();
  const wxr = writeWxr(path.join(dir, 'comments.wxr'), shape);
  log(`generated ${wxr.file}: ${wxr.comments} comments on ${wxr.posts} posts, ${(wxr.bytes / 1e6).toFixed(1)} MB, threads ${wxr.maxDepth} deep (${Math.round(performance.now() - t)} ms)`);
  t = performance.now();
  const db = path.join(dir, 'dataset.sqlite');
  const dataset = buildDataset(db, sizes);
  log(`built ${db}: ${dataset.drafts} drafts, ${dataset.commentPosts} posts with ${dataset.comments} comments (${Math.round(performance.now() - t)} ms)`);
  fs.writeFileSync(path.join(dir, 'long-draft.json'), json);
  fs.writeFileSync(manifestFile, JSON.stringify({ key, wxr, db, dataset }, null, 2));
  return { dir, sizes, wxr, db, dataset, longDraft };
}

/** A private copy of the data set database, for scenarios that write (autosave, imports). */
export function copyDataset(data: BenchData, name: string): string {
  const dir = path.join(data.dir, 'work');
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${name}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(data.db, target);
  return target;
}
