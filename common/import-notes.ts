/**
 * The words for comments whose file gave no status: shared by the import preview (window), the
 * import's result and the CLI, so each says the same thing.
 */
export interface DefaultedStatusNote {
  reason: string;
  status: string;
  count: number;
}

/** "no status column: 2 comments will be pending" (before), "... 2 comments are pending" (after). */
export function defaultedStatusText(d: DefaultedStatusNote, when: 'before' | 'after'): string {
  const many = d.count !== 1;
  const verb = when === 'before' ? 'will be' : many ? 'are' : 'is';
  return `${d.reason}: ${d.count.toLocaleString('en-GB')} comment${many ? 's' : ''} ${verb} ${d.status}`;
}
