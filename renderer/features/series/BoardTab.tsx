import { useRef, useState, type KeyboardEvent } from 'react';
import type { SeriesDetail, SeriesPost } from '../../../common/api/series';
import { statusLabel } from '../../../common/series/workflow';
import { acceptPostDrag, droppedPostId, startPostDrag } from './dnd';
import { PostFacts } from './PostFacts';
import type { SeriesActions } from './useSeriesDetail';
import { useRefocus } from './useRefocus';

interface Props {
  actions: SeriesActions;
  detail: SeriesDetail;
  announce: (message: string) => void;
}

/** A column per workflow status; dragging a card, or Alt+←/→ on a focused card, changes its status. */
export function BoardTab({ actions, detail, announce }: Props) {
  const workflow = detail.series.workflow;
  const [over, setOver] = useState<string | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const refocus = useRefocus(boardRef, detail);
  // A post edited elsewhere may carry a status this workflow lacks; show it rather than hide it.
  const strays = [...new Set(detail.posts.map((p) => p.status).filter((s) => !workflow.includes(s)))];
  const columns = [...workflow, ...strays];

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
        Drag a card to another column, or focus it and press <kbd>Alt</kbd>+<kbd>←</kbd> / <kbd>Alt</kbd>+<kbd>→</kbd>.
      </p>
      <div className="board" ref={boardRef}>
        {columns.map((status) => {
          const cards = detail.posts.filter((p) => p.status === status);
          const known = workflow.includes(status);
          return (
            <section
              key={status}
              className={`board__column${over === status ? ' is-drop-target' : ''}`}
              aria-labelledby={`col-${status}`}
              data-status={status}
              onDragOver={(e) => known && acceptPostDrag(e) && setOver(status)}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => {
                setOver(null);
                const id = droppedPostId(e);
                if (id) setStatus(id, { status }, false);
              }}
            >
              <h2 id={`col-${status}`} className="board__heading">
                {statusLabel(status)} <span className="muted">({cards.length})</span>
                {!known && <span className="badge">not in the workflow</span>}
              </h2>
              <ul className="board__cards" aria-labelledby={`col-${status}`}>
                {cards.map((p) => (
                  <li
                    key={p.id}
                    className={`board__card${p.overdue ? ' is-overdue' : ''}`}
                    data-post-id={p.id}
                    tabIndex={0}
                    draggable
                    aria-describedby="board-hint"
                    onDragStart={(e) => startPostDrag(e, p.id)}
                    onKeyDown={(e) => onCardKey(e, p)}
                  >
                    <a className="board__card-title" href={`#/drafts/${p.id}`} draggable={false}>
                      {p.position}. {p.title || p.slug}
                    </a>
                    <PostFacts post={p} compact />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </>
  );
}
