import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import type { PlanPost } from '../../../common/api/planning';
import { useFirstScreenRows } from '../../shell/useFirstScreenRows';
import { PlanChip } from './PlanChip';

export const TRAY_ID = 'tray';

/** Drafts with no planned date: drag one onto a day; drop a post here to take its date away. */
export const Tray = memo(function Tray({ posts }: { posts: PlanPost[] }) {
  const { setNodeRef, isOver } = useDroppable({ id: TRAY_ID });
  // A hundred undated drafts are a hundred draggables to build before the calendar's first frame,
  // when the tray's column shows a tenth of them.
  const drawn = useFirstScreenRows();
  return (
    <section ref={setNodeRef} className={`plan-tray${isOver ? ' is-drop-target' : ''}`} aria-labelledby="plan-tray-title" data-testid="plan-tray">
      <h2 id="plan-tray-title" className="plan-tray__title">
        Unscheduled ({posts.length})
      </h2>
      {posts.length === 0 ? (
        <p className="muted">Every draft shown has a planned date.</p>
      ) : (
        <ul className="plan-tray__list">
          {(drawn >= posts.length ? posts : posts.slice(0, drawn)).map((p) => (
            <li key={p.id}>
              <PlanChip post={p} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
