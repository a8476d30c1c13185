import type { Note } from '../../../common/api/notes';

/**
 * The notes as read again, keeping each note that did not change (and the whole list, when none
 * did) as the very object held before. A re-read comes after any notes change on the draft; with
 * 200 threads, handing React new but equal objects would re-render every memoized thread.
 */
export function keepUnchanged(prev: readonly Note[], next: Note[]): Note[] {
  const before = new Map(prev.map((n) => [n.id, { note: n, json: JSON.stringify(n) }]));
  let same = prev.length === next.length;
  const merged = next.map((n, i) => {
    const had = before.get(n.id);
    const kept = had && had.json === JSON.stringify(n) ? had.note : n;
    if (kept !== prev[i]) same = false;
    return kept;
  });
  return same ? (prev as Note[]) : merged;
}
