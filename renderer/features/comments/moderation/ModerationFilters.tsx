import { memo } from 'react';
import type { CommentFilter } from '../../../../common/api/comments';

interface Props {
  filter: CommentFilter;
  /** The name of the commenter the list is filtered to, for the chip. */
  commenterName: string | null;
  onFilter: (patch: Partial<CommentFilter>) => void;
}

const RULE_OPTIONS: [NonNullable<CommentFilter['rule']>, string][] = [
  ['any', 'Any rule'],
  ['blocked', 'Blocked commenter'],
  ['banned', 'Banned words'],
  ['score', 'Spam score rule'],
  ['links', 'Too many links'],
  ['suspect', 'Suspect words'],
  ['trusted', 'Trusted commenter'],
  ['first', 'First comment'],
];

const SCORES = ['0.5', '0.8', '0.9', '0.99'];

/** The moderation filters beside the pane's own: which rule fired, a spam score floor, and the commenter shown. */
export const ModerationFilters = memo(function ModerationFilters({ filter, commenterName, onFilter }: Props) {
  return (
    <div className="filters moderation-filters" role="group" aria-label="Moderation filters">
      <label>
        Rule fired
        <select aria-label="Rule fired" value={filter.rule ?? ''} onChange={(e) => onFilter({ rule: (e.target.value || undefined) as CommentFilter['rule'] })}>
          <option value="">Either</option>
          {RULE_OPTIONS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        Spam score
        <select aria-label="Spam score at least" value={filter.minScore === undefined ? '' : String(filter.minScore)} onChange={(e) => onFilter({ minScore: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">Any</option>
          {SCORES.map((s) => (
            <option key={s} value={s}>
              at least {s}
            </option>
          ))}
        </select>
      </label>
      {filter.commenter && (
        <p className="moderation-filters__commenter" data-testid="commenter-filter">
          Only comments by <bdi>{commenterName ?? filter.commenter.slice(2)}</bdi>{' '}
          <button type="button" className="button button--small" onClick={() => onFilter({ commenter: undefined })}>
            Show everyone
          </button>
        </p>
      )}
    </div>
  );
});
