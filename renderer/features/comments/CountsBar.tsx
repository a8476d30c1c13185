import type { StatusCounts } from '../../../common/api/comments';
import { COMMENT_STATUSES, type CommentStatus } from '../../../common/domain';
import { STATUS_LABEL } from './format';

/** Per-status counts for the current filter, always visible; each toggles the status filter. */
export function CountsBar({ counts, active, onToggle }: { counts: StatusCounts; active: CommentStatus[]; onToggle: (s: CommentStatus | 'all') => void }) {
  return (
    <div className="counts" role="group" aria-label="Comments by status">
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
}
