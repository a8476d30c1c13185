import { useCallback, useEffect, useState } from 'react';
import type { Post } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { DraftSession } from './DraftSession';

/**
 * One open draft. Loading and reloading live here; everything that edits lives in DraftSession,
 * which is re-created (fresh editor, fresh saver) whenever the stored post replaces ours:
 * after "reload theirs" in a conflict, or when a revision is restored.
 */
export function DraftView({ id }: { id: string }) {
  const client = useClient();
  const [loaded, setLoaded] = useState<{ post: Post; generation: number } | null>(null);
  const [error, setError] = useState('');

  const replace = useCallback((post: Post) => setLoaded((l) => ({ post, generation: (l?.generation ?? 0) + 1 })), []);
  const reload = useCallback(() => {
    client.call('posts.get', { id }).then(replace, (e: Error) => setError(e.message));
  }, [client, id, replace]);

  useEffect(reload, [reload]);

  if (error) {
    return (
      <section className="pane" aria-label="Draft">
        <p className="error-text" role="alert">
          {error}
        </p>
        <a href="#/drafts">← All drafts</a>
      </section>
    );
  }
  if (!loaded) return <p className="pane muted">Loading…</p>;
  return <DraftSession key={loaded.generation} post={loaded.post} onReplaced={replace} onReload={reload} />;
}
