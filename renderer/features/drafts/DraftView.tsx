import { useEffect, useRef, useState } from 'react';
import type { Post } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { status } from '../../shell/status-store';

/** One draft. The rich-text editor and metadata panel live here. */
export function DraftView({ id }: { id: string }) {
  const client = useClient();
  const [post, setPost] = useState<Post | null>(null);
  const [error, setError] = useState('');
  const revision = useRef(0);

  useEffect(() => {
    client.call('posts.get', { id }).then(
      (p) => {
        revision.current = p.revision;
        setPost(p);
      },
      (e: Error) => setError(e.message),
    );
  }, [client, id]);

  const saveTitle = async (title: string) => {
    status.setSave({ kind: 'saving' });
    try {
      const saved = await client.call('posts.update', { id, baseRevision: revision.current, title });
      revision.current = saved.revision;
      status.setSave({ kind: 'saved', at: Date.now() });
    } catch (e) {
      status.setSave({ kind: 'failed', reason: (e as Error).message });
    }
  };

  if (error) return <p className="pane error-text" role="alert">{error}</p>;
  if (!post) return <p className="pane muted">Loading…</p>;
  return (
    <section className="pane" aria-label="Draft">
      <p>
        <a href="#/drafts">← All drafts</a>
      </p>
      <label className="field">
        <span className="field__label">Title</span>
        <input className="input" defaultValue={post.title} onBlur={(e) => void saveTitle(e.target.value)} />
      </label>
    </section>
  );
}
