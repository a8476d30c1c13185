import type { CommenterHistory } from '../../../../common/api/moderation';
import { formatMonth } from '../../../format/dates';

/** "12 earlier comments: 11 approved, 1 spam, since March 2024" */
export function historyText(h: CommenterHistory): string {
  const e = h.earlier;
  if (e.total === 0) return 'No earlier comments: a first comment.';
  const parts = (['approved', 'pending', 'spam', 'trash'] as const).filter((s) => e[s] > 0).map((s) => `${e[s]} ${s === 'trash' ? 'in trash' : s}`);
  const since = h.since ? `, since ${formatMonth(h.since.slice(0, 7))}` : '';
  return `${e.total} earlier comment${e.total === 1 ? '' : 's'}: ${parts.join(', ')}${since}`;
}

export const BASIS_TEXT: Record<CommenterHistory['basis'], string> = {
  email: 'Matched by e-mail address',
  'name-url': 'Matched by name and web address (no e-mail)',
  name: 'Matched by name only (no e-mail or web address)',
};
