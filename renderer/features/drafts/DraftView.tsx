import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Post } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { takeOrCall } from '../../api/early';
import { DraftSession } from './DraftSession';
import { coEditSettings } from './co-edit-settings';
import type { CoEditSettings } from '../../editor/collab/CoEditPlugin';

/**
 * One open draft. Loading and reloading live here; everything that edits lives in DraftSession,
 * which is re-created (fresh editor, fresh saver) whenever the stored post replaces ours:
 * after "reload theirs" in a conflict, or when a revision is restored.
 */
export function DraftView({ id }: { id: string }) {
  const client = useClient();
  const [loaded, setLoaded] = useState<{ post: Post; generation: number; coEdit: CoEditSettings | null } | null>(null);
  const [error, setError] = useState('');

  const replace = useCallback((post: Post) => setLoaded((l) => ({ post, generation: (l?.generation ?? 0) + 1, coEdit: l?.coEdit ?? null })), []);
  const reload = useCallback(() => {
    // Both may already be on their way, started as the address changed (draft-open-requests.ts).
    Promise.all([takeOrCall(client, 'posts.get', { id }), coEditSettings(client, id)]).then(
      // Synchronously: the editor renders, its plugins register and LoadBodyPlugin loads the body
      // in this one task. As an ordinary update React painted the empty editor first and ran the
      // effects (the load) in a later task: a style, layout and paint of the page, and a frame's
      // wait, between the answer and the draft on screen.
      ([post, coEdit]) => flushSync(() => setLoaded((l) => ({ post, generation: (l?.generation ?? 0) + 1, coEdit }))),
      (e: Error) => setError(e.message),
    );
  }, [client, id]);

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
  return <DraftSession key={loaded.generation} post={loaded.post} coEdit={loaded.coEdit} onReplaced={replace} onReload={reload} />;
}
