import type { PlanFacets, PlanView } from '../../../common/api/planning';
import { statusLabel } from '../../../common/series/workflow';
import { formatLongDay } from '../series/format';
import { postName } from './PlanChip';
import { PersonSelect } from './PersonSelect';

interface Props {
  view: PlanView;
  facets: PlanFacets | null;
  onAssign: (postId: string, change: { ownerId?: string | null; reviewerId?: string | null }) => void;
}

/** The window as a table by date, where each post's owner and reviewer are chosen. */
export function PlanList({ view, facets, onAssign }: Props) {
  const clashing = new Set(view.clashes.flatMap((c) => c.postIds));
  const people = facets?.people ?? [];
  const personSelect = (label: string, value: string | null, onPick: (id: string | null) => void) => <PersonSelect aria-label={label} people={people} value={value} onPick={onPick} />;
  if (!view.posts.length) return <p className="muted">Nothing planned in this month with these filters.</p>;
  return (
    <table className="plan-list" aria-label="Planned posts by date">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Post</th>
          <th scope="col">Series</th>
          <th scope="col">Status</th>
          <th scope="col">Guest author</th>
          <th scope="col">Owner</th>
          <th scope="col">Reviewer</th>
        </tr>
      </thead>
      <tbody>
        {view.posts.map((p) => (
          <tr key={p.id} data-post-id={p.id}>
            <td>
              {formatLongDay(p.plannedDate!)}
              {clashing.has(p.id) && <span className="badge badge--clash">Clash</span>}
            </td>
            <td>
              <a href={`#/drafts/${p.id}`}>{postName(p)}</a>
              {p.overdue && <span className="badge badge--overdue">Overdue</span>}
            </td>
            <td>{p.seriesTitle ? `${p.seriesTitle} #${p.position}` : '—'}</td>
            <td>
              <span className={`plan-status plan-status--${p.status}`}>{statusLabel(p.status)}</span>
            </td>
            <td>{p.authors.map((a) => a.name).join(', ') || '—'}</td>
            <td>{personSelect(`Owner of “${postName(p)}”`, p.ownerId, (id) => onAssign(p.id, { ownerId: id }))}</td>
            <td>{personSelect(`Reviewer of “${postName(p)}”`, p.reviewerId, (id) => onAssign(p.id, { reviewerId: id }))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
