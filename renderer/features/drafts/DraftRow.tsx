import type { PostSummary } from '../../../common/domain';
import { formatDate, formatTimestamp } from '../../format/dates';
import { statusLabel } from '../../../common/series/workflow';

interface Props {
  post: PostSummary;
  trash: boolean;
  busy: boolean;
  onDuplicate: (post: PostSummary) => void;
  onTrash: (post: PostSummary) => void;
  onRestore: (post: PostSummary) => void;
}

/** One draft in the list: title link, facts, and its actions as real buttons. */
export function DraftRow({ post, trash, busy, onDuplicate, onTrash, onRestore }: Props) {
  const title = post.title || 'Untitled draft';
  const facts = [
    statusLabel(post.status),
    `${post.wordCount} words`,
    post.authors.length ? post.authors.map((a) => a.name).join(', ') : null,
    post.plannedDate ? `planned ${formatDate(post.plannedDate)}` : null,
    post.commentCount ? `${post.commentCount} comments` : null,
    trash && post.deletedAt ? `deleted ${formatTimestamp(post.deletedAt)}` : `updated ${formatTimestamp(post.updatedAt)}`,
  ].filter(Boolean);
  return (
    <li className="drafts-list__row" data-testid="draft-row">
      <div className="drafts-list__main">
        {trash ? <span className="drafts-list__title">{title}</span> : <a href={`#/drafts/${post.id}`} className="drafts-list__title">{title}</a>}
        <span className="muted drafts-list__facts">{facts.join(' · ')}</span>
      </div>
      <div className="drafts-list__actions">
        {trash ? (
          <button type="button" className="button" disabled={busy} onClick={() => onRestore(post)} aria-label={`Restore ${title}`}>
            Restore
          </button>
        ) : (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => onDuplicate(post)} aria-label={`Duplicate ${title}`}>
              Duplicate
            </button>
            <button type="button" className="button button--danger" disabled={busy} onClick={() => onTrash(post)} aria-label={`Move ${title} to the trash`}>
              Move to trash
            </button>
          </>
        )}
      </div>
    </li>
  );
}
