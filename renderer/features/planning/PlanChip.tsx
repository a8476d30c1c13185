import { memo } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { PlanPost } from '../../../common/api/planning';
import { statusLabel } from '../../../common/series/workflow';

/** Why a chip is coloured as it is, for everyone: the colour says the status, the text says it too. */
export function chipFacts(p: PlanPost): string {
  return [p.seriesTitle ? `${p.seriesTitle}${p.position ? ` #${p.position}` : ''}` : 'No series', statusLabel(p.status), p.overdue ? 'Overdue' : ''].filter(Boolean).join(' · ');
}

export const postName = (p: PlanPost) => p.title || p.slug;

/**
 * One post on the calendar or in the tray: its title opens the draft, the handle drags it (mouse, or
 * Space then arrows). dnd-kit re-renders every draggable at each step of any drag, so the part that
 * does not depend on the drag is a memo of its own.
 */
export const PlanChip = memo(function PlanChip({ post, clash }: { post: PlanPost; clash?: boolean }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: post.id, data: { post } });
  return (
    <div
      ref={setNodeRef}
      className={`plan-chip plan-chip--${post.status}${clash ? ' is-clash' : ''}${post.overdue ? ' is-overdue' : ''}${isDragging ? ' is-dragging' : ''}`}
      data-post-id={post.id}
      data-status={post.status}
    >
      <button type="button" className="plan-chip__handle" aria-label={`Move “${postName(post)}”`} {...attributes} {...listeners}>
        <span aria-hidden="true">⠿</span>
      </button>
      <ChipText post={post} />
    </div>
  );
});

const ChipText = memo(function ChipText({ post }: { post: PlanPost }) {
  return (
    <span className="plan-chip__text">
      <a href={`#/drafts/${post.id}`} className="plan-chip__title" title={`${postName(post)} (${chipFacts(post)})`}>
        {postName(post)}
      </a>
      <span className="plan-chip__meta">{chipFacts(post)}</span>
    </span>
  );
});
