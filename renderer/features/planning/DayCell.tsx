import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import type { PlanPost } from '../../../common/api/planning';
import { dayId } from '../../dnd/keyboard';
import { formatLongDay } from '../series/format';
import { PlanChip } from './PlanChip';

interface Props {
  date: string;
  posts: PlanPost[];
  outside?: boolean;
  today: string;
  clashing: boolean;
}

/** A day that posts can be dropped on; a day with two or more posts is a clash, whatever their series. */
export const DayCell = memo(function DayCell({ date, posts, outside, today, clashing }: Props) {
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
      {clashing && (
        <span className="badge badge--clash">
          Clash: {posts.length}
          <span className="visually-hidden"> posts</span>
        </span>
      )}
      {posts.map((p) => (
        <PlanChip key={p.id} post={p} clash={clashing} />
      ))}
    </td>
  );
}, sameDay);

/** The grid builds each day's list afresh; the day is unchanged when it holds the same post objects. */
function sameDay(a: Props, b: Props): boolean {
  return (
    a.date === b.date &&
    a.outside === b.outside &&
    a.today === b.today &&
    a.clashing === b.clashing &&
    a.posts.length === b.posts.length &&
    a.posts.every((p, i) => p === b.posts[i])
  );
}
