/**
 * What the main process tells every open window when the store changes (a team sync applied, another
 * window or the CLI wrote, an import finished): which areas changed, and in them which ids, so each
 * view re-reads only what it shows. A burst of writes arrives as one event (the main side coalesces),
 * and an area with more ids than MAX_IDS is sent as 'all'. The zod schemas are in
 * changes-schema.ts, apart, so the window's first screen does not load zod.
 */
export const CHANGE_AREAS = [
  /** Posts and their metadata, by post id: the drafts list, one post, planning, a series' rows. */
  'posts',
  /** Series, by series id: the series list, a running order, its workflow. */
  'series',
  /** Comments, by the id of the post they belong to: the review pane's list and counts. */
  'comments',
  /** Editorial notes and their messages, by the id of the draft they are on: the Notes panel, For you. */
  'notes',
  /** People, owners and "I am". */
  'people',
  /** The team workspace's Needs decision list. */
  'conflicts',
  /** The team workspace's sync status (state, changes waiting, last sync). */
  'sync',
  /** Anything else (rules, checklist settings, tags, connections). */
  'other',
] as const;

export type ChangeArea = (typeof CHANGE_AREAS)[number];
export type AreaChange = 'all' | string[];
export type Changes = Partial<Record<ChangeArea, AreaChange>>;

/** More ids than this in one area travel as 'all': a view re-reads as much either way. */
export const MAX_IDS = 200;

/** One pushed event: a sequence number (per main process, rising) and what changed. */
export interface ChangeEvent {
  seq: number;
  changes: Changes;
}

/** Every area, wholly: what a window assumes when it may have missed events (a reconnect). */
export const EVERYTHING: Changes = Object.fromEntries(CHANGE_AREAS.map((a) => [a, 'all'])) as Changes;

/** Adds `more` into `into` (mutated): ids are unioned; 'all', or too many ids, wins. */
export function mergeChanges(into: Partial<Record<ChangeArea, 'all' | Set<string>>>, more: Changes): void {
  for (const area of CHANGE_AREAS) {
    const add = more[area];
    if (add === undefined) continue;
    const have = into[area];
    if (have === 'all') continue;
    if (add === 'all') {
      into[area] = 'all';
      continue;
    }
    const set = have ?? new Set<string>();
    for (const id of add) set.add(id);
    into[area] = set.size > MAX_IDS ? 'all' : set;
  }
}

/** The merged form back as plain, sendable changes. */
export function toChanges(merged: Partial<Record<ChangeArea, 'all' | Set<string>>>): Changes {
  const out: Changes = {};
  for (const area of CHANGE_AREAS) {
    const v = merged[area];
    if (v !== undefined) out[area] = v === 'all' ? 'all' : [...v];
  }
  return out;
}

/**
 * Whether the changes touch `area` at all (ids omitted), or one of `ids` in it. A view passes the
 * ids it shows; an empty `ids` list means it shows none of that area, so only 'all' would touch it.
 */
export function touches(changes: Changes, area: ChangeArea, ids?: Iterable<string>): boolean {
  const c = changes[area];
  if (c === undefined) return false;
  if (c === 'all' || ids === undefined) return true;
  const changed = new Set(c);
  for (const id of ids) if (changed.has(id)) return true;
  return false;
}
