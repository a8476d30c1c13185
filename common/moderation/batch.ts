/**
 * Rules over many comments at once (an import, "apply rules" on a selection or the whole store).
 * Each commenter's comments are walked in date order so that every comment's history is what
 * came before it, including comments of the same batch and the verdicts just given to them: the
 * third comment of a new writer in one import is not "a first comment", and a writer becomes
 * trusted as their earlier comments are approved.
 */
import type { CommentStatus } from '../domain';
import { evaluate, type CompiledRule, type History, type RuleInput, type Verdict } from './rules';

export interface BatchComment extends Omit<RuleInput, 'history'> {
  id: string;
  /** The commenter key (commenter.ts). */
  key: string;
  postedAt: string | null;
  /** Ties in date are broken by this (the storage order). */
  seq: number;
  /** false: context only (an earlier comment of the same writer), never given a verdict. */
  target: boolean;
}

export interface BatchVerdict extends Verdict {
  id: string;
  before: CommentStatus;
  history: History;
}

function byWriterThenDate(a: BatchComment, b: BatchComment): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  const pa = a.postedAt ?? '';
  const pb = b.postedAt ?? '';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.seq - b.seq;
}

/** Verdicts for the target comments, in no particular order. */
export function moderateBatch(rows: BatchComment[], rules: readonly CompiledRule[]): BatchVerdict[] {
  const sorted = [...rows].sort(byWriterThenDate);
  const out: BatchVerdict[] = [];
  let key: string | null = null;
  let h: History = { approved: 0, pending: 0, spam: 0, trash: 0 };
  for (const c of sorted) {
    if (c.key !== key) {
      key = c.key;
      h = { approved: 0, pending: 0, spam: 0, trash: 0 };
    }
    let status = c.status;
    if (c.target) {
      const history = { ...h };
      const v = evaluate({ ...c, history }, rules);
      out.push({ ...v, id: c.id, before: c.status, history });
      if (v.status) status = v.status;
    }
    h[status]++;
  }
  return out;
}
