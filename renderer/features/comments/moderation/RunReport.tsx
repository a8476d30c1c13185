import type { RuleRunReport } from '../../../../common/api/moderation';
import { STATUS_LABEL } from '../format';

/** What a rules run changed, or would change (a dry run). */
export function RunReport({ report, title }: { report: RuleRunReport; title: string }) {
  const to = (Object.entries(report.toStatus) as [keyof typeof STATUS_LABEL, number][]).filter(([, n]) => n > 0);
  const fired = Object.entries(report.fired);
  return (
    <section className="run-report" aria-label={title} data-testid="run-report">
      <h3>{title}</h3>
      <p>
        {report.evaluated} undecided comment{report.evaluated === 1 ? '' : 's'} checked. {report.dryRun ? 'Would change' : 'Changed'}:{' '}
        {to.length ? to.map(([s, n]) => `${n} to ${STATUS_LABEL[s].toLowerCase()}`).join(', ') : 'nothing'}.
        {report.dryRun && ' Nothing has been changed yet.'}
      </p>
      {fired.length > 0 && <p className="muted">Rules fired: {fired.map(([k, n]) => `${k} on ${n}`).join(', ')}.</p>}
      {report.examples.length > 0 && (
        <table className="run-report__table">
          <caption className="visually-hidden">Comments whose status {report.dryRun ? 'would change' : 'changed'}</caption>
          <thead>
            <tr>
              <th scope="col">Commenter</th>
              <th scope="col">Comment</th>
              <th scope="col">Status</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {report.examples.map((e) => (
              <tr key={e.id}>
                <td>
                  <bdi>{e.author || 'Anonymous'}</bdi>
                </td>
                <td dir="auto">{e.excerpt.slice(0, 90)}</td>
                <td>
                  {STATUS_LABEL[e.from]} → {STATUS_LABEL[e.to]}
                </td>
                <td>{e.reasons.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
