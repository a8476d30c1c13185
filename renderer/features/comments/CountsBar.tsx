import { memo } from 'react';
import type { StatusCounts } from '../../../common/api/comments';
import type { CommentStatus } from '../../../common/domain';
import { COMMENT_STATUSES } from '../../../common/domain-values';
import { STATUS_LABEL } from './format';

/** Per-status counts for the current filter, always visible; each toggles the status filter. */
export const CountsBar = memo(function CountsBar({
  counts,
  active,
  updating,
  onToggle,
}: {
  counts: StatusCounts;
  active: CommentStatus[];
  /** The counts shown are for the previous filter; this one's follow its rows. */
  updating: boolean;
  onToggle: (s: CommentStatus | 'all') => void;
}) {
  return (
    <div className={updating ? 'counts counts--updating' : 'counts'} role="group" aria-label="Comments by status" aria-busy={updating}>
      <button type="button" className="counts__item" aria-pressed={active.length === 0} onClick={() => onToggle('all')}>
        All <span className="counts__n" data-testid="count-all">{counts.all.toLocaleString('en-GB')}</span>
      </button>
      {COMMENT_STATUSES.map((s) => (
        <button key={s} type="button" className={`counts__item counts__item--${s}`} aria-pressed={active.includes(s)} onClick={() => onToggle(s)}>
          {STATUS_LABEL[s]} <span className="counts__n" data-testid={`count-${s}`}>{counts[s].toLocaleString('en-GB')}</span>
        </button>
      ))}
    </div>
  );
});
