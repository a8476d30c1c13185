import type { SeriesPost } from '../../../common/api/series';
import { statusLabel } from '../../../common/series/workflow';
import { formatDate } from './format';

/** What every view shows of a post: guest author, status, dates, words, and its warnings in words. */
export function PostFacts({ post, compact = false }: { post: SeriesPost; compact?: boolean }) {
  const authors = post.authors.map((a) => a.name).join(', ');
  return (
    <span className={`post-facts${compact ? ' post-facts--compact' : ''}`}>
      <span className="post-facts__item">{authors ? `Guest: ${authors}` : 'No guest author yet'}</span>
      {!compact && <span className="post-facts__item status-chip" data-status={post.status}>{statusLabel(post.status)}</span>}
      <span className="post-facts__item">{post.plannedDate ? `Planned ${formatDate(post.plannedDate)}` : 'Not planned'}</span>
      {post.deadline && <span className="post-facts__item">Deadline {formatDate(post.deadline)}</span>}
      <span className="post-facts__item">{post.wordCount} words</span>
      {post.overdue && <span className="badge badge--overdue">Overdue</span>}
      {post.clash && <span className="badge badge--clash">Date clash</span>}
    </span>
  );
}
