import type { KeyboardEvent, PointerEventHandler } from 'react';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import type { SeriesPost } from '../../../common/api/series';
import { statusLabel } from '../../../common/series/workflow';
import { DragHandle } from '../../dnd/DragHandle';
import { PostFacts } from './PostFacts';
import { columnId } from './series-dnd';

interface Props {
  status: string;
  /** False for a status the workflow lacks: its cards are shown, but nothing is dropped there. */
  known: boolean;
  cards: SeriesPost[];
  onCardKey: (e: KeyboardEvent, post: SeriesPost) => void;
}

/** One status of the board: a drop target holding the cards of the posts in it. */
export function BoardColumn({ status, known, cards, onCardKey }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: columnId(status), disabled: !known });
  return (
    <section ref={setNodeRef} className={`board__column${isOver ? ' is-drop-target' : ''}`} aria-labelledby={`col-${status}`} data-status={status}>
      <h2 id={`col-${status}`} className="board__heading">
        {statusLabel(status)} <span className="muted">({cards.length})</span>
        {!known && <span className="badge">not in the workflow</span>}
      </h2>
      <ul className="board__cards" aria-labelledby={`col-${status}`}>
        {cards.map((p) => (
          <BoardCard key={p.id} post={p} onKey={onCardKey} />
        ))}
      </ul>
    </section>
  );
}

function BoardCard({ post, onKey }: { post: SeriesPost; onKey: Props['onCardKey'] }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({ id: post.id, data: { post } });
  const name = post.title || post.slug;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform) }}
      className={`board__card${post.overdue ? ' is-overdue' : ''}${isDragging ? ' is-dragging' : ''}`}
      data-post-id={post.id}
      tabIndex={0}
      aria-describedby="board-hint"
      onKeyDown={(e) => onKey(e, post)}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
    >
      <div className="board__card-head">
        <DragHandle name={name} attributes={attributes} listeners={listeners} setRef={setActivatorNodeRef} />
        <a className="board__card-title" href={`#/drafts/${post.id}`} draggable={false}>
          {post.position}. {name}
        </a>
      </div>
      <PostFacts post={post} compact />
    </li>
  );
}
