import { memo, useEffect, useState } from 'react';
import type { AnnotationListItem } from '../../../common/api/comments';
import { useClient } from '../../api/ClientContext';
import { download, formatDate } from './format';

/** Every annotation of the followed thread, the chosen post or all posts, newest first, with the report downloads (post or all). */
export const AnnotationsOverview = memo(function AnnotationsOverview({ postId, threadOf, version, onOpen }: { postId?: string; threadOf?: string; version: number; onOpen: (commentId: string) => void }) {
  const client = useClient();
  const [items, setItems] = useState<AnnotationListItem[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');

  useEffect(() => {
    client
      .call('annotations.list', { postId, threadOf, limit: 200 })
      .then((r) => {
        setItems(r.items);
        setTotal(r.total);
      })
      .catch((e: Error) => setError(e.message));
  }, [client, postId, threadOf, version]);

  const report = async (format: 'csv' | 'html') => {
    try {
      const f = await client.call('reports.annotations', { postId, format });
      download(f.fileName, f.mime, f.text);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">
        Annotations {threadOf ? 'in this thread' : postId ? 'on this post' : 'across posts'} ({total})
      </h2>
      <div className="overview__buttons" role="group" aria-label="Export the annotation report">
        <button type="button" className="button" onClick={() => report('csv')}>
          Export CSV
        </button>
        <button type="button" className="button" onClick={() => report('html')}>
          Export HTML report
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">No annotations yet.</p>
      ) : (
        <ul className="overview__list">
          {items.map((a) => (
            <li key={a.id}>
              <button type="button" className="overview__item" onClick={() => onOpen(a.commentId)}>
                <span className="overview__quote" dir="auto">
                  <bdi>“{a.quote.length > 80 ? `${a.quote.slice(0, 80)}…` : a.quote}”</bdi>
                </span>
                <span className="overview__meta">
                  {a.tagName ?? 'no tag'} · <bdi>{a.authorName}</bdi> on <bdi>{a.postTitle}</bdi> · {formatDate(a.updatedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
