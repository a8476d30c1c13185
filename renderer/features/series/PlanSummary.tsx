import type { SeriesDetail } from '../../../common/api/series';
import { describeCadence } from '../../../common/series/cadence';
import { formatDate } from './format';

/** The schedule's problems in words: clashes, gaps longer than the cadence, overdue commissions. */
export function PlanSummary({ detail }: { detail: SeriesDetail }) {
  const { plan, posts, series } = detail;
  const title = (id: string) => {
    const p = posts.find((x) => x.id === id);
    return p ? `“${p.title || p.slug}”` : 'a post';
  };
  const count = plan.clashes.length + plan.gaps.length + plan.overdue.length;
  if (count === 0) return null;
  return (
    <section className="plan-summary" aria-labelledby="plan-summary-title">
      <h2 id="plan-summary-title">Schedule needs attention ({count})</h2>
      <ul>
        {plan.overdue.map((o) => (
          <li key={`o-${o.postId}`} className="plan-summary__overdue">
            <strong>Overdue:</strong> {title(o.postId)} was due {formatDate(o.deadline)} ({o.daysLate} day{o.daysLate === 1 ? '' : 's'} ago) and has not been delivered.
          </li>
        ))}
        {plan.clashes.map((c) => (
          <li key={`c-${c.date}`}>
            <strong>Clash:</strong> {c.postIds.map(title).join(' and ')} are all planned for {formatDate(c.date)}.
          </li>
        ))}
        {plan.gaps.map((g) => (
          <li key={`g-${g.from}-${g.to}`}>
            <strong>Gap:</strong> {g.days} days between {formatDate(g.from)} and {formatDate(g.to)}; the series runs {describeCadence(series.cadence)}, so the next post
            was due by {formatDate(g.dueBy)}.
          </li>
        ))}
      </ul>
    </section>
  );
}
