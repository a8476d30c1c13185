import { useId, useState, type FormEvent } from 'react';
import type { SeriesPost } from '../../../common/api/series';
import { formatDate } from './format';
import type { SeriesActions } from './useSeriesDetail';

/** Records who was asked to write the post and by when. */
export function CommissionForm({ post, actions, onDone }: { post: SeriesPost; actions: SeriesActions; onDone: (message: string) => void }) {
  const id = useId();
  const [author, setAuthor] = useState(post.authors[0]?.name ?? '');
  const [deadline, setDeadline] = useState(post.deadline ?? '');
  const [problem, setProblem] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!author.trim()) return setProblem('Enter the guest author’s name.');
    if (!deadline) return setProblem('Choose a deadline.');
    const next = await actions.run('series.commission', { postId: post.id, authorName: author.trim(), deadline });
    if (next) onDone(`Commissioned “${post.title || post.slug}” from ${author.trim()}, due ${formatDate(deadline)}.`);
  };

  return (
    <form className="commission-form" onSubmit={submit} aria-label={`Commission “${post.title || post.slug}”`}>
      <label className="series-row__field">
        <span>Guest author</span>
        <input className="input" value={author} onChange={(e) => setAuthor(e.target.value)} maxLength={200} aria-describedby={`${id}-p`} />
      </label>
      <label className="series-row__field">
        <span>Deadline</span>
        <input className="input" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      <button type="submit" className="button button--primary button--small">
        Commission
      </button>
      <span id={`${id}-p`} className="error-text" role={problem ? 'alert' : undefined}>
        {problem}
      </span>
    </form>
  );
}
