import { memo } from 'react';
import type { CommentListItem } from '../../../common/api/comments';
import { HighlightedText, type Mark } from './HighlightedText';
import { MAX_INDENT, STATUS_LABEL, formatDate } from './format';
import { RuleBadge } from './moderation/RuleReasons';

interface Props {
  item: CommentListItem | undefined;
  index: number;
  total: number;
  active: boolean;
  selected: boolean;
  showPost: boolean;
  onClick: (index: number, e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }) => void;
}

export function rowId(index: number): string {
  return `comment-row-${index}`;
}

/** One comment in the list: who, when, status, flags and the start of the text (inert, bidi-isolated). */
export const CommentRow = memo(function CommentRow({ item, index, total, active, selected, showPost, onClick }: Props) {
  if (!item) {
    return (
      <div id={rowId(index)} role="option" aria-selected={false} aria-posinset={index + 1} aria-setsize={total} className="crow crow--loading">
        Loading…
      </div>
    );
  }
  const indent = Math.min(item.depth, MAX_INDENT);
  const marks: Mark[] = [
    ...item.matches.map((m) => ({ ...m, kind: 'match' as const })),
    ...item.annotations.filter((a) => a.anchor !== 'lost').map((a) => ({ start: a.start, end: a.end, kind: 'note' as const, title: a.tagName ?? a.note })),
  ];
  return (
    <div
      id={rowId(index)}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={`crow crow--${item.status}${active ? ' crow--active' : ''}${selected ? ' crow--selected' : ''}`}
      data-depth={indent}
      data-comment-id={item.id}
      onClick={(e) => onClick(index, e)}
    >
      <span className="crow__check" aria-hidden="true">{selected ? '☑' : '☐'}</span>
      <div className="crow__main">
        <div className="crow__meta">
          <bdi className="crow__author">
            <HighlightedText text={item.author.name || 'Anonymous'} marks={item.authorMatches.map((m) => ({ ...m, kind: 'match' }))} />
          </bdi>
          {(item.author.role || item.author.organisation) && (
            <span className="crow__role">
              <bdi>{[item.author.role, item.author.organisation].filter(Boolean).join(', ')}</bdi>
            </span>
          )}
          <time dateTime={item.postedAt ?? undefined}>{formatDate(item.postedAt)}</time>
          <span className={`badge badge--${item.status}`}>{STATUS_LABEL[item.status]}</span>
          <RuleBadge moderation={item.moderation} />
          {item.flags.includes('orphan') && <span className="badge badge--flag" title="Its parent comment was not found">Orphaned reply</span>}
          {item.depth > MAX_INDENT && <span className="badge badge--flag">Reply level {item.depth}</span>}
          {item.annotations.length > 0 && <span className="badge badge--note">{item.annotations.length} note{item.annotations.length === 1 ? '' : 's'}</span>}
          {item.replyDraft && <span className="badge badge--reply">Reply {item.replyDraft}</span>}
          {showPost && (
            <span className="crow__post">
              on <bdi>{item.postTitle || 'Untitled post'}</bdi>
            </span>
          )}
        </div>
        <p className="crow__text" dir="auto">
          <HighlightedText text={item.text} marks={marks} limit={400} />
        </p>
      </div>
    </div>
  );
});
