import { useRef } from 'react';
import type { SeriesDetail, SeriesInfo } from '../../../common/api/series';
import { AddPostForm } from './AddPostForm';
import { PostRow } from './PostRow';
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

/** The running order: drag a row onto another's place, or move the focused row with Alt+↑/↓. */
export function ListTab({ actions, detail, allSeries, announce }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const setFocusId = useRefocus(listRef, detail);
  const n = detail.posts.length;

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
        Drag a post to a new place, or focus it and press <kbd>Alt</kbd>+<kbd>↑</kbd> / <kbd>Alt</kbd>+<kbd>↓</kbd>.
      </p>
      <ol ref={listRef} className="series-posts" aria-label="Posts in running order">
        {detail.posts.map((p) => (
          <PostRow key={p.id} post={p} detail={detail} allSeries={allSeries} actions={actions} announce={announce} onMove={move} />
        ))}
      </ol>
      <AddPostForm actions={actions} detail={detail} announce={announce} />
    </>
  );
}
