/**
 * What the checklist reads from the store: its settings (global, per-series overrides), a post's
 * facts (the same facts the live panel gathers from the editor), and the featured image.
 */
import type { DB } from '../connection';
import { AppError } from '../../common/errors';
import { checklistProblems, effectiveChecklist, type ChecklistConfig, type ChecklistOverrides } from '../../common/checklist/config';
import { scanBody } from '../../common/checklist/body-scan';
import type { ChecklistFacts } from '../../common/checklist/rules';
import { seriesNotice } from '../../common/series/ordinal';
import { reviewSummary } from './review-summary';
import { editorStateText } from '../../common/editor/state-text';
import { countWords } from '../../common/text';
import type { EditorState } from '../../common/domain';
import { nowIso } from '../clock';
import { authorsOfPost } from './authors';
import { getSetting, setSetting } from './settings';

const GLOBAL_SETTING = 'checklist.global';

export interface ConfigView {
  global: ChecklistConfig;
  overrides: ChecklistOverrides | null;
  effective: ChecklistConfig;
}

function seriesOverrides(db: DB, seriesId: string): ChecklistOverrides {
  const row = db.prepare('SELECT checklist FROM series WHERE id = ? AND deleted_at IS NULL').get(seriesId) as { checklist: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No series with id ${seriesId}.`);
  return JSON.parse(row.checklist) as ChecklistOverrides;
}

export function checklistConfig(db: DB, seriesId?: string | null): ConfigView {
  const stored = getSetting<Partial<ChecklistConfig>>(db, GLOBAL_SETTING);
  const global = effectiveChecklist(stored, null);
  const overrides = seriesId ? seriesOverrides(db, seriesId) : null;
  return { global, overrides, effective: effectiveChecklist(stored, overrides) };
}

export function setChecklistConfig(db: DB, seriesId: string | null, rules: ChecklistOverrides): ConfigView {
  return db.transaction(() => {
    const merged = seriesId ? rules : { ...(getSetting<Partial<ChecklistConfig>>(db, GLOBAL_SETTING) ?? {}), ...rules };
    const problems = checklistProblems(effectiveChecklist(seriesId ? checklistConfig(db).global : merged, seriesId ? rules : null));
    if (problems.length) throw new AppError('BAD_INPUT', `Checklist settings: ${problems.join('; ')}. Nothing was saved.`);
    if (seriesId) {
      seriesOverrides(db, seriesId);
      db.prepare('UPDATE series SET checklist = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(rules), nowIso(), seriesId);
    } else setSetting(db, GLOBAL_SETTING, merged);
    return checklistConfig(db, seriesId);
  })();
}

interface FactsRow {
  id: string;
  slug: string;
  title: string;
  status: string;
  standfirst: string;
  body: string;
  word_count: number;
  tags: string;
  planned_date: string | null;
  series_id: string | null;
  position: number | null;
  featured_asset_id: string | null;
  featured_alt: string;
}

export interface PostFacts {
  post: { id: string; slug: string; title: string; status: string; seriesId: string | null };
  facts: ChecklistFacts;
  config: ChecklistConfig;
}

/** The notice a post would be published with; a template's {topic} with no topic stays unfilled, so the rule can say so. */
export function noticeOf(db: DB, seriesId: string | null, position: number | null): string | null {
  if (!seriesId) return null;
  const s = db.prepare('SELECT title, topic, notice_template FROM series WHERE id = ?').get(seriesId) as { title: string; topic: string; notice_template: string } | undefined;
  if (!s) return null;
  const template = s.topic.trim() ? s.notice_template : s.notice_template.split('{topic}').join('\u0000');
  return seriesNotice(template, { position: position ?? 1, topic: s.topic, title: s.title }).split('\u0000').join('{topic}');
}

export function featuredImageOf(db: DB, postId: string): { assetId: string; alt: string } | null {
  const row = db.prepare('SELECT featured_asset_id, featured_alt FROM posts WHERE id = ?').get(postId) as { featured_asset_id: string | null; featured_alt: string } | undefined;
  return row?.featured_asset_id ? { assetId: row.featured_asset_id, alt: row.featured_alt } : null;
}

/** A post's checklist facts as stored; `changes` lays a pending save's fields over them first. */
export function postFacts(db: DB, ref: { id: string } | { slug: string }, changes: Partial<Pick<ChecklistFacts, 'standfirst' | 'tags' | 'plannedDate'>> & { body?: unknown; authorIds?: string[] } = {}): PostFacts {
  const [col, val] = 'id' in ref ? ['id', ref.id] : ['slug', ref.slug];
  const r = db
    .prepare(`SELECT id, slug, title, status, standfirst, body, word_count, tags, planned_date, series_id, position, featured_asset_id, featured_alt FROM posts WHERE ${col} = ? AND deleted_at IS NULL`)
    .get(val) as FactsRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `No post with ${'id' in ref ? `id ${ref.id}` : `slug "${ref.slug}"`}.`);
  const body = changes.body ?? JSON.parse(r.body);
  const authors = changes.authorIds
    ? changes.authorIds.map((id) => db.prepare('SELECT name, role FROM authors WHERE id = ?').get(id) as { name: string; role: string } | undefined).filter((a) => a !== undefined)
    : authorsOfPost(db, r.id);
  const facts: ChecklistFacts = {
    standfirst: changes.standfirst ?? r.standfirst,
    // A pending body's words are counted as the store counts them when it saves.
    wordCount: changes.body ? countBodyWords(changes.body) : r.word_count,
    tags: changes.tags ?? (JSON.parse(r.tags) as string[]),
    authors,
    scan: scanBody(body),
    featuredImage: r.featured_asset_id ? { alt: r.featured_alt } : null,
    plannedDate: changes.plannedDate !== undefined ? changes.plannedDate : r.planned_date,
    seriesNotice: noticeOf(db, r.series_id, r.position),
    review: reviewSummary(db, r.id, body),
  };
  return { post: { id: r.id, slug: r.slug, title: r.title, status: r.status, seriesId: r.series_id }, facts, config: checklistConfig(db, r.series_id).effective };
}

function countBodyWords(body: unknown): number {
  return countWords(editorStateText(body as EditorState));
}

export function setFeaturedImage(db: DB, postId: string, assetId: string | null, alt: string): { assetId: string; alt: string } | null {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM posts WHERE id = ? AND deleted_at IS NULL').get(postId)) throw new AppError('NOT_FOUND', `No post with id ${postId}.`);
    if (assetId) {
      const asset = db.prepare('SELECT mime FROM assets WHERE id = ? AND deleted_at IS NULL').get(assetId) as { mime: string } | undefined;
      if (!asset) throw new AppError('NOT_FOUND', `No stored image with id ${assetId}; upload it with drafts.uploadAsset first.`);
      if (!asset.mime.startsWith('image/')) throw new AppError('BAD_INPUT', `Asset ${assetId} is ${asset.mime}, not an image.`);
    }
    db.prepare('UPDATE posts SET featured_asset_id = ?, featured_alt = ?, updated_at = ? WHERE id = ?').run(assetId, assetId ? alt.trim() : '', nowIso(), postId);
    return featuredImageOf(db, postId);
  })();
}
