import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import type { PlanPost } from '../../../common/api/planning';
import { PlanChip } from './PlanChip';

export const TRAY_ID = 'tray';

/** Drafts with no planned date: drag one onto a day; drop a post here to take its date away. */
export const Tray = memo(function Tray({ posts }: { posts: PlanPost[] }) {
  const { setNodeRef, isOver } = useDroppable({ id: TRAY_ID });
  return (
    <section ref={setNodeRef} className={`plan-tray${isOver ? ' is-drop-target' : ''}`} aria-labelledby="plan-tray-title" data-testid="plan-tray">
      <h2 id="plan-tray-title" className="plan-tray__title">
        Unscheduled ({posts.length})
      </h2>
      {posts.length === 0 ? (
        <p className="muted">Every draft shown has a planned date.</p>
      ) : (
        <ul className="plan-tray__list">
          {posts.map((p) => (
            <li key={p.id}>
              <PlanChip post={p} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
