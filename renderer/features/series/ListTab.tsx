import { useRef, useState } from 'react';
import { closestCenter, DndContext, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { SeriesDetail, SeriesInfo } from '../../../common/api/series';
import { useDragSensors } from '../../dnd/sensors';
import { AddPostForm } from './AddPostForm';
import { PostRow } from './PostRow';
import { ORDER_ANNOUNCEMENTS, ORDER_INSTRUCTIONS } from './series-dnd';
import type { SeriesActions } from './useSeriesDetail';
import { useRefocus } from './useRefocus';

/** Up or down by some places, or onto the place another post holds now. */
export type MoveTarget = { by: number } | { at: string };

interface Props {
  actions: SeriesActions;
  detail: SeriesDetail;
  allSeries: SeriesInfo[];
  announce: (message: string) => void;
}

/**
 * The running order: drag a row (or its handle: Space, arrows, Space) to another place, or move the
 * focused row with Alt+↑/↓.
 */
export function ListTab({ actions, detail, allSeries, announce }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const setFocusId = useRefocus(listRef, detail);
  const sensors = useDragSensors(sortableKeyboardCoordinates);
  // The order a drop asked for, shown until the saved order arrives, so the row does not jump back meanwhile.
  const [pending, setPending] = useState<string[] | null>(null);
  const n = detail.posts.length;
  const posts = pending ? pending.flatMap((id) => detail.posts.filter((p) => p.id === id)) : detail.posts;

  // Worked out from the latest order when the move runs, so quick repeats add up.
  const move = async (postId: string, target: MoveTarget, keepFocus: boolean) => {
    const next = await actions.run('series.movePost', (current) => {
      const post = current.posts.find((p) => p.id === postId);
      const position = 'by' in target ? (post?.position ?? 0) + target.by : current.posts.find((p) => p.id === target.at)?.position;
      if (!post || !position || position < 1 || position > current.posts.length || position === post.position) return null;
      return { postId, position };
    });
    if (!next) return;
    if (keepFocus) setFocusId(postId);
    const moved = next.posts.find((p) => p.id === postId);
    if (moved) announce(`Moved “${moved.title || moved.slug}” to position ${moved.position} of ${next.posts.length}.`);
  };

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    const ids = posts.map((p) => p.id);
    const from = ids.indexOf(String(active.id));
    const to = over ? ids.indexOf(String(over.id)) : -1;
    if (from < 0 || to < 0 || from === to) return;
    setPending(arrayMove(ids, from, to));
    await move(String(active.id), { at: String(over!.id) }, false);
    setPending(null);
  };

  if (n === 0) {
    return (
      <>
        <div className="empty-state">
          <h2>No posts in this series yet</h2>
          <p>Add the first post below by its working title; you can reorder, commission and date it afterwards.</p>
        </div>
        <AddPostForm actions={actions} detail={detail} announce={announce} />
      </>
    );
  }

  return (
    <>
      <p id="reorder-hint" className="muted series-hint">
        Drag a post to a new place, or press <kbd>Space</kbd> on its handle <span aria-hidden="true">⠿</span>, move it with <kbd>↑</kbd> / <kbd>↓</kbd> and press{' '}
        <kbd>Space</kbd> again; or focus a row and press <kbd>Alt</kbd>+<kbd>↑</kbd> / <kbd>Alt</kbd>+<kbd>↓</kbd>.
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements: ORDER_ANNOUNCEMENTS, screenReaderInstructions: ORDER_INSTRUCTIONS }}
      >
        <SortableContext items={posts.map((p) => p.id)} strategy={verticalListSortingStrategy}>
          <ol ref={listRef} className="series-posts" aria-label="Posts in running order">
            {posts.map((p) => (
              <PostRow key={p.id} post={p} detail={detail} allSeries={allSeries} actions={actions} announce={announce} onMove={move} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <AddPostForm actions={actions} detail={detail} announce={announce} />
    </>
  );
}
