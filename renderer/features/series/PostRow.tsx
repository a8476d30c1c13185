import { useState, type KeyboardEvent, type PointerEventHandler } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { SeriesDetail, SeriesInfo, SeriesPost } from '../../../common/api/series';
import { statusLabel } from '../../../common/series/workflow';
import { DragHandle } from '../../dnd/DragHandle';
import { CommissionForm } from './CommissionForm';
import { DateField } from './DateField';
import { PostFacts } from './PostFacts';
import type { SeriesActions } from './useSeriesDetail';
import type { MoveTarget } from './ListTab';

interface Props {
  post: SeriesPost;
  detail: SeriesDetail;
  allSeries: SeriesInfo[];
  actions: SeriesActions;
  announce: (message: string) => void;
  onMove: (postId: string, target: MoveTarget, keepFocus: boolean) => void;
}

export function PostRow({ post, detail, allSeries, actions, announce, onMove }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: post.id, data: { post } });
  const [commissioning, setCommissioning] = useState(false);
  const n = detail.posts.length;
  const name = post.title || post.slug;
  const others = allSeries.filter((s) => s.id !== detail.series.id);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget || !e.altKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      onMove(post.id, { by: e.key === 'ArrowUp' ? -1 : 1 }, true);
    }
  };

  const relocate = async (value: string) => {
    if (value === 'out') {
      if (await actions.run('series.removePost', { postId: post.id })) announce(`“${name}” was taken out of the series; it is still a draft.`);
      return;
    }
    const target = others.find((s) => s.id === value);
    if (!target) return;
    const { from } = await actions.runTransfer(post.id, target.id);
    if (from) announce(`“${name}” moved to the end of “${target.title}”.`);
  };

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`series-row${isDragging ? ' is-dragging' : ''}${post.overdue ? ' is-overdue' : ''}`}
      data-post-id={post.id}
      tabIndex={0}
      aria-describedby="reorder-hint"
      onKeyDown={onKeyDown}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
    >
      <div className="series-row__grip">
        <span className="series-row__position" aria-label={`Position ${post.position}`}>
          {post.position}
        </span>
        <DragHandle name={name} attributes={attributes} listeners={listeners} setRef={setActivatorNodeRef} />
      </div>
      <div className="series-row__body">
        <a className="series-row__title" href={`#/drafts/${post.id}`} draggable={false}>
          {name || 'Untitled draft'}
        </a>
        <PostFacts post={post} />
        <p className="series-row__notice">{post.notice}</p>
        <div className="series-row__controls">
          <button type="button" className="button button--small" disabled={post.position === 1} onClick={() => onMove(post.id, { by: -1 }, false)} aria-label={`Move “${name}” up`}>
            Move up
          </button>
          <button type="button" className="button button--small" disabled={post.position === n} onClick={() => onMove(post.id, { by: 1 }, false)} aria-label={`Move “${name}” down`}>
            Move down
          </button>
          <label className="series-row__field">
            <span>Status</span>
            <select
              className="select"
              value={post.status}
              onChange={async (e) => {
                if (await actions.run('series.setStatus', { postId: post.id, status: e.target.value })) announce(`“${name}” is now ${statusLabel(e.target.value)}.`);
              }}
            >
              {detail.series.workflow.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <DateField label="Planned" value={post.plannedDate} onCommit={(plannedDate) => actions.run('series.setDate', { postId: post.id, plannedDate })} />
          <button type="button" className="button button--small" aria-expanded={commissioning} onClick={() => setCommissioning(!commissioning)}>
            Commission…
          </button>
          <label className="series-row__field">
            <span className="visually-hidden">Move “{name}” to another series or out of it</span>
            <select className="select" value="" onChange={(e) => relocate(e.target.value)}>
              <option value="">Move to…</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  Series: {s.title}
                </option>
              ))}
              <option value="out">Out of the series</option>
            </select>
          </label>
        </div>
        {commissioning && (
          <CommissionForm
            post={post}
            actions={actions}
            onDone={(msg) => {
              setCommissioning(false);
              announce(msg);
            }}
          />
        )}
      </div>
    </li>
  );
}
