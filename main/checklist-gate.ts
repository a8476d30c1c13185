/**
 * The one gate on the way to scheduled or published: the window, the CLI and `workbench call`
 * all reach it through the handlers. A required rule failing refuses the move and names the
 * rules; recommended ones failing need `acceptWarnings` (the user's confirmation).
 */
import type { DB } from '../db/connection';
import { AppError } from '../common/errors';
import { describeFailures, runChecklist, type ChecklistReport } from '../common/checklist/evaluate';
import { outgoingStatuses, statusLabel } from '../common/series/workflow';
import { postFacts } from '../db/repos/checklist';
import { workflowOf } from '../db/repos/posts';

export interface GateChange {
  status: string;
  acceptWarnings?: boolean;
  standfirst?: string;
  tags?: string[];
  plannedDate?: string | null;
  body?: unknown;
  authorIds?: string[];
}

/** The report when `status` is a move to one of the workflow's last two steps, else null. */
export function gateReport(db: DB, postId: string, change: GateChange): ChecklistReport | null {
  const { post, facts, config } = postFacts(db, { id: postId }, change);
  if (post.status === change.status || !outgoingStatuses(workflowOf(db, post.seriesId)).includes(change.status)) return null;
  return runChecklist(facts, config);
}

export function assertChecklistAllows(db: DB, postId: string, change: GateChange): void {
  const report = gateReport(db, postId, change);
  if (!report) return;
  const { post } = postFacts(db, { id: postId });
  const name = `“${post.title || post.slug}”`;
  const to = statusLabel(change.status).toLowerCase();
  if (report.blocking.length) {
    throw new AppError(
      'CHECKLIST_FAILED',
      `${name} cannot move to ${to}: ${report.blocking.length === 1 ? 'a required check fails' : `${report.blocking.length} required checks fail`}: ${describeFailures(report.blocking)}. Nothing was saved.`,
      { blocking: report.blocking, warnings: report.warnings },
    );
  }
  if (report.warnings.length && !change.acceptWarnings) {
    throw new AppError(
      'NEEDS_CONFIRMATION',
      `${name} can move to ${to}, but recommended checks fail: ${describeFailures(report.warnings)}. Confirm to go ahead (acceptWarnings: true, or --accept-warnings). Nothing was saved.`,
      { blocking: [], warnings: report.warnings },
    );
  }
}
