/**
 * A series' editorial workflow: its status names in order, plus which step means "commissioned"
 * (a guest author and deadline are recorded) and from which step the text counts as delivered
 * (so a passed deadline is no longer overdue). The last two steps are "scheduled" and "published"
 * in meaning whatever they are called: posts there are the ones readers can be linked to.
 */
export interface Workflow {
  statuses: string[];
  commissionStatus: string;
  deliveryStatus: string;
}

export const STATUS_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Problems with a proposed workflow, as sentences; empty when it is usable. */
export function workflowProblems(w: Workflow): string[] {
  const problems: string[] = [];
  if (w.statuses.length < 2) problems.push('a workflow needs at least two statuses');
  const seen = new Set<string>();
  for (const s of w.statuses) {
    if (!STATUS_RE.test(s)) problems.push(`"${s}" is not a status name: use lower-case words joined by hyphens`);
    if (seen.has(s)) problems.push(`"${s}" appears twice`);
    seen.add(s);
  }
  if (!seen.has(w.commissionStatus)) problems.push(`the commissioning status "${w.commissionStatus}" is not in the workflow`);
  if (!seen.has(w.deliveryStatus)) problems.push(`the delivered status "${w.deliveryStatus}" is not in the workflow`);
  if (seen.has(w.commissionStatus) && seen.has(w.deliveryStatus) && w.statuses.indexOf(w.deliveryStatus) <= w.statuses.indexOf(w.commissionStatus)) {
    problems.push('the delivered status must come after the commissioning status');
  }
  return problems;
}

export function isDelivered(w: Workflow, status: string): boolean {
  const i = w.statuses.indexOf(status);
  return i >= 0 && i >= w.statuses.indexOf(w.deliveryStatus);
}

/** Statuses whose posts may be linked as previous/next: the last two steps (scheduled, published). */
export function outgoingStatuses(w: Workflow): string[] {
  return w.statuses.slice(-2);
}

/** Readable label for a status name: "in-review" → "In review". */
export function statusLabel(status: string): string {
  const words = status.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Turns a label a person typed ("In Review") into a status name ("in-review"). */
export function statusName(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
