import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DndContext, type DragEndEvent } from '@dnd-kit/core';
import type { SeriesDetail, SeriesPost } from '../../../common/api/series';
import { statusLabel } from '../../../common/series/workflow';
import { pointerOrCentre, targetKeyboardCoordinates } from '../../dnd/keyboard';
import { useDragSensors } from '../../dnd/sensors';
import { BoardColumn } from './BoardColumn';
import { BOARD_ANNOUNCEMENTS, BOARD_INSTRUCTIONS, columnId, postOf, statusOfDroppable } from './series-dnd';
import type { SeriesActions } from './useSeriesDetail';
import { useRefocus } from './useRefocus';

interface Props {
  actions: SeriesActions;
  detail: SeriesDetail;
  announce: (message: string) => void;
}

/**
 * A column per workflow status; dragging a card (or its handle: Space, ←/→, Space), or Alt+←/→ on a
 * focused card, changes its status.
 */
export function BoardTab({ actions, detail, announce }: Props) {
  const workflow = detail.series.workflow;
  const boardRef = useRef<HTMLDivElement>(null);
  const refocus = useRefocus(boardRef, detail);
  // The status a drop asked for, shown until the saved series arrives, so the card does not jump back meanwhile.
  const [pending, setPending] = useState<{ postId: string; status: string } | null>(null);
  const posts = detail.posts.map((p) => (p.id === pending?.postId ? { ...p, status: pending.status } : p));
  // A post edited elsewhere may carry a status this workflow lacks; show it rather than hide it.
  const strays = [...new Set(posts.map((p) => p.status).filter((s) => !workflow.includes(s)))];
  const columns = [...workflow, ...strays];

  // Left and right go to the neighbouring workflow column; a card is never moved into a stray one.
  const sensors = useDragSensors(
    useMemo(
      () =>
        targetKeyboardCoordinates((code, over) => {
          const step = code === 'ArrowRight' ? 1 : code === 'ArrowLeft' ? -1 : 0;
          const at = workflow.indexOf(statusOfDroppable(over) ?? '');
          const next = step && at >= 0 ? workflow[at + step] : undefined;
          return next ? columnId(next) : undefined;
        }),
      [workflow],
    ),
  );

  /** To a named status (a drop), or some steps along the workflow from where the post is when this runs (keys). */
  const setStatus = async (postId: string, target: { status: string } | { by: number }, keepFocus: boolean) => {
    const next = await actions.run('series.setStatus', (current) => {
      const post = current.posts.find((p) => p.id === postId);
      const flow = current.series.workflow;
      const status = 'status' in target ? target.status : flow[flow.indexOf(post?.status ?? '') + target.by];
      if (!post || !status || !flow.includes(status) || status === post.status) return null;
      return { postId, status };
    });
    const moved = next?.posts.find((p) => p.id === postId);
    if (!moved) return;
    announce(`“${moved.title || moved.slug}” moved to ${statusLabel(moved.status)}.`);
    if (keepFocus) refocus(postId);
  };

  const onCardKey = (e: KeyboardEvent, post: SeriesPost) => {
    if (!e.altKey || e.target !== e.currentTarget) return;
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    setStatus(post.id, { by: step }, true);
  };

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    const post = postOf(active);
    const status = statusOfDroppable(over?.id);
    if (!post || !status || status === post.status) return;
    setPending({ postId: post.id, status });
    await setStatus(post.id, { status }, false);
    setPending(null);
  };

  if (detail.posts.length === 0) {
    return (
      <div className="empty-state">
        <h2>Nothing on the board yet</h2>
        <p>Add posts on the List tab; each appears here in the column of its status.</p>
      </div>
    );
  }

  return (
    <>
      <p id="board-hint" className="muted series-hint">
        Drag a card to another column, or press <kbd>Space</kbd> on its handle <span aria-hidden="true">⠿</span>, choose a column with <kbd>←</kbd> / <kbd>→</kbd> and
        press <kbd>Space</kbd> again; or focus a card and press <kbd>Alt</kbd>+<kbd>←</kbd> / <kbd>Alt</kbd>+<kbd>→</kbd>.
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={pointerOrCentre}
        onDragEnd={onDragEnd}
        accessibility={{ announcements: BOARD_ANNOUNCEMENTS, screenReaderInstructions: BOARD_INSTRUCTIONS }}
      >
        <div className="board" ref={boardRef}>
          {columns.map((status) => (
            <BoardColumn key={status} status={status} known={workflow.includes(status)} cards={posts.filter((p) => p.status === status)} onCardKey={onCardKey} />
          ))}
        </div>
      </DndContext>
    </>
  );
}
