import { useEffect, useState } from 'react';
import { useModalDialog } from '../useModalDialog';
import type { CommentListItem } from '../../../../common/api/comments';
import { useClient } from '../../../api/ClientContext';
import { STATUS_LABEL, formatDate } from '../format';
import { RuleBadge } from './RuleReasons';

interface Props {
  commenterKey: string;
  name: string;
  onClose: () => void;
}

const LIMIT = 500;

/** Every comment by one person, oldest first, with its status, the rules' reasons and the team's notes. */
export function CommenterView({ commenterKey, name, onClose }: Props) {
  const client = useClient();
  const { ref, close, onCancel } = useModalDialog(onClose);
  const [items, setItems] = useState<CommentListItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    client.call('comments.list', { filter: { commenter: commenterKey }, order: 'oldest', limit: LIMIT }).then(
      (r) => (setItems(r.items), setTotal(r.total ?? r.items.length)),
      (e: Error) => setError(e.message),
    );
  }, [client, commenterKey]);
  return (
    <dialog
      ref={ref}
      className="comments-dialog commenter-view"
      aria-labelledby="commenter-view-title"
      onCancel={onCancel}
    >
      <h2 id="commenter-view-title">
        Comments by <bdi>{name}</bdi>
      </h2>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {!items && !error && <p className="muted">Loading…</p>}
      {items && (
        <>
          <p className="muted">
            {total} comment{total === 1 ? '' : 's'}
            {total > LIMIT ? `; the first ${LIMIT} are shown` : ''}.
          </p>
          <ol className="commenter-view__list">
            {items.map((c) => (
              <li key={c.id} className="commenter-view__item">
                <p className="crow__meta">
                  <time dateTime={c.postedAt ?? undefined}>{formatDate(c.postedAt)}</time>
                  <span className={`badge badge--${c.status}`}>{STATUS_LABEL[c.status]}</span>
                  <RuleBadge moderation={c.moderation} />
                  <span className="crow__post">
                    on <bdi>{c.postTitle || 'Untitled post'}</bdi>
                  </span>
                  {c.author.email && <span className="muted">{c.author.email}</span>}
                </p>
                <p dir="auto">{c.text.slice(0, 600)}</p>
                {c.annotations.length > 0 && (
                  <ul className="commenter-view__notes" aria-label="Annotations">
                    {c.annotations.map((a) => (
                      <li key={a.id}>
                        <q>{a.quote}</q>
                        {a.tagName && <span className="badge badge--note">{a.tagName}</span>} {a.note}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="comments-dialog__buttons">
        <button type="button" className="button" onClick={close} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
