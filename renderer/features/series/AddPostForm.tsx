import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SeriesDetail } from '../../../common/api/series';
import type { PostSummary } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import type { SeriesActions } from './useSeriesDetail';

/** Adds a new draft by title, or an existing draft, at a chosen place in the running order. */
export function AddPostForm({ actions, detail, announce }: { actions: SeriesActions; detail: SeriesDetail; announce: (m: string) => void }) {
  const client = useClient();
  const id = useId();
  const [title, setTitle] = useState('');
  const [existing, setExisting] = useState('');
  const [position, setPosition] = useState('end');
  const [drafts, setDrafts] = useState<PostSummary[]>([]);
  const n = detail.posts.length;

  useEffect(() => {
    client.call('posts.list', { sort: 'title', limit: 1000 }).then(
      (all) => setDrafts(all.filter((p) => p.seriesId !== detail.series.id)),
      () => setDrafts([]),
    );
  }, [client, detail.series.id, n]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() && !existing) return actions.setError('Type a working title for the new post, or pick an existing draft.');
    const at = position === 'end' ? undefined : Number(position);
    const base = { seriesId: detail.series.id, ...(at ? { position: at } : {}) };
    const next = await actions.run('series.addPost', existing ? { ...base, postId: existing } : { ...base, title: title.trim() });
    if (!next) return;
    const added = existing ? next.posts.find((p) => p.id === existing) : next.posts[(at ?? next.posts.length) - 1];
    announce(`Added “${added?.title ?? title}” at position ${added?.position ?? at} of ${next.posts.length}.`);
    setTitle('');
    setExisting('');
    setPosition('end');
  };

  return (
    <form className="add-post" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Add a post</h2>
      <label className="series-row__field">
        <span>Working title</span>
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} disabled={!!existing} aria-describedby={existing ? `${id}-why` : undefined} />
      </label>
      {existing && (
        <p id={`${id}-why`} className="muted add-post__why">
          An existing draft is chosen below; choose “—” there to add a new post by title.
        </p>
      )}
      {drafts.length > 0 && (
        <label className="series-row__field">
          <span>or an existing draft</span>
          <select className="select" value={existing} onChange={(e) => setExisting(e.target.value)}>
            <option value="">—</option>
            {drafts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title || d.slug}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="series-row__field">
        <span>Place</span>
        <select className="select" value={position} onChange={(e) => setPosition(e.target.value)}>
          <option value="end">At the end (position {n + 1})</option>
          {detail.posts.map((p) => (
            <option key={p.id} value={p.position}>
              At position {p.position}, before “{p.title || p.slug}”
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--primary" disabled={actions.busy}>
        Add post
      </button>
    </form>
  );
}
