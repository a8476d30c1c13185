import type { KeyboardEvent, KeyboardEventHandler } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import type { SeriesPost } from '../../../common/api/series';
import { statusLabel } from '../../../common/series/workflow';
import { formatDate } from './format';

/** Everything a list row shows, in one line under the chip's title. */
function chipFacts(p: SeriesPost): string {
  return [
    p.authors.map((a) => a.name).join(', ') || 'No guest yet',
    statusLabel(p.status),
    `${p.wordCount} words`,
    p.deadline ? `deadline ${formatDate(p.deadline)}` : '',
    p.overdue ? 'Overdue' : '',
    p.clash ? 'Clash' : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * A post on the calendar or in its "not planned" tray. The chip itself is what is picked up (mouse,
 * or Space then arrows); its title wraps, so a long one is read whole in a narrow day.
 */
export function CalendarChip({ post, onKey }: { post: SeriesPost; onKey: (e: KeyboardEvent, post: SeriesPost) => void }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: post.id, data: { post } });
  const title = `${post.position}. ${post.title || post.slug}`;
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform) }}
      title={`${title}: ${chipFacts(post)}`}
      className={`calendar__chip${post.overdue ? ' is-overdue' : ''}${post.clash ? ' is-clash' : ''}${isDragging ? ' is-dragging' : ''}`}
      data-post-id={post.id}
      {...attributes}
      {...listeners}
      aria-describedby={`${attributes['aria-describedby']} calendar-hint`}
      onKeyDown={(e) => {
        (listeners?.onKeyDown as KeyboardEventHandler | undefined)?.(e);
        if (!e.defaultPrevented) onKey(e, post);
      }}
    >
      <span className="calendar__chip-title">{title}</span>
      <span className="calendar__chip-meta">{chipFacts(post)}</span>
    </div>
  );
}
