/**
 * The one-line summary of "changed while you were away": who changed which paragraphs, per member,
 * in words a screen reader reads out as it stands ("Ed Itor changed paragraphs 2 and 4 and removed
 * one."). Paragraph numbers count from 1, as the list beside them does.
 */
import type { AwayChanges } from '../../../common/api/co-editing';

const list = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number): string => NUMBERS[n] ?? String(n);

export function awaySummary(changes: AwayChanges['changes']): string {
  const byMember = new Map<string, { changed: number[]; removed: number }>();
  for (const c of changes) {
    for (const name of c.by) {
      const m = byMember.get(name) ?? { changed: [], removed: 0 };
      if (c.paragraph === null) m.removed++;
      else m.changed.push(c.paragraph + 1);
      byMember.set(name, m);
    }
  }
  const parts = [...byMember].map(([name, { changed, removed }]) => {
    const did: string[] = [];
    if (changed.length > 0) did.push(`changed ${changed.length === 1 ? 'paragraph' : 'paragraphs'} ${list(changed.map(String))}`);
    if (removed > 0) did.push(`removed ${count(removed)} ${removed === 1 ? 'paragraph' : 'paragraphs'}`);
    return `${name} ${did.join(' and ')}`;
  });
  return `${list(parts)}.`;
}
