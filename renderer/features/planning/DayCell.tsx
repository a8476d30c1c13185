import { useDroppable } from '@dnd-kit/core';
import type { PlanPost } from '../../../common/api/planning';
import { dayId } from '../../dnd/keyboard';
import { formatLongDay } from '../series/format';
import { PlanChip } from './PlanChip';

/** A day that posts can be dropped on; a day with two or more posts is a clash, whatever their series. */
export function DayCell({ date, posts, outside, today, clashing }: { date: string; posts: PlanPost[]; outside?: boolean; today: string; clashing: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: dayId(date), data: { date } });
  return (
    <td
      ref={setNodeRef}
      data-date={date}
      className={`plan-day${outside ? ' is-other-month' : ''}${isOver ? ' is-drop-target' : ''}${clashing ? ' is-clash' : ''}${date === today ? ' is-today' : ''}`}
    >
      <span className="plan-day__date" aria-label={formatLongDay(date)}>
        {Number(date.slice(8))}
      </span>
      {clashing && <span className="badge badge--clash">Clash: {posts.length} posts</span>}
      {posts.map((p) => (
        <PlanChip key={p.id} post={p} clash={clashing} />
      ))}
    </td>
  );
}
