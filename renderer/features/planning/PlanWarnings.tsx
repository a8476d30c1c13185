import { memo } from 'react';
import type { PlanView } from '../../../common/api/planning';
import { formatDate, formatLongDay } from '../series/format';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Clashes and empty weeks in one line that opens to the list: the days themselves carry the clash
 * badge and the empty weeks are shaded, so a month with ten clashes still shows its weeks at once.
 */
export const PlanWarnings = memo(function PlanWarnings({ clashes, emptyWeeks }: Pick<PlanView, 'clashes' | 'emptyWeeks'>) {
  return (
    <details className="plan-warnings">
      <summary>
        {clashes.length > 0 && <span className="badge badge--clash">{count(clashes.length, 'clash', 'clashes')}</span>}{' '}
        {emptyWeeks.length > 0 && <span className="badge badge--gap">{count(emptyWeeks.length, 'empty week', 'empty weeks')}</span>} in this view
      </summary>
      <ul aria-label="Warnings">
        {clashes.map((c) => (
          <li key={c.date}>
            <span className="badge badge--clash">Clash</span> {formatLongDay(c.date)}: {c.postIds.length} posts on one day
          </li>
        ))}
        {emptyWeeks.map((w) => (
          <li key={w.from}>
            <span className="badge badge--gap">Gap</span> Nothing planned from {formatDate(w.from)} to {formatDate(w.to)}
          </li>
        ))}
      </ul>
    </details>
  );
});
