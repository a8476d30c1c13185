import type { ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { dayId } from '../../dnd/keyboard';

/** A day of the month grid that posts can be dropped on. */
export function CalendarDay({ date, className, children }: { date: string; className: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: dayId(date) });
  return (
    <td ref={setNodeRef} data-date={date} className={`calendar__day${className}${isOver ? ' is-drop-target' : ''}`}>
      {children}
    </td>
  );
}
