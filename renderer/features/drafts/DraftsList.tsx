import { useCallback, useEffect, useState } from 'react';
import type { PostSummary } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { navigate } from '../../shell/router';

export function DraftsList() {
  const client = useClient();
  const [posts, setPosts] = useState<PostSummary[] | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(() => {
    client.call('posts.list', {}).then(setPosts, (e: Error) => setError(e.message));
  }, [client]);
  useEffect(load, [load]);

  const create = async () => {
    try {
      const post = await client.call('posts.create', { title: '' });
      navigate('drafts', post.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="pane" aria-labelledby="drafts-title">
      <header className="pane__header">
        <h1 id="drafts-title">Drafts</h1>
        <button type="button" className="button button--primary" onClick={create}>
          New draft
        </button>
      </header>
      {error && <p className="error-text" role="alert">{error}</p>}
      {posts && posts.length === 0 && (
        <div className="empty-state">
          <h2>No drafts yet</h2>
          <p>Start a guest post with <strong>New draft</strong>, or import a guest author's file.</p>
        </div>
      )}
      {posts && posts.length > 0 && (
        <ul className="drafts-list" aria-label="Drafts">
          {posts.map((p) => (
            <li key={p.id}>
              <a href={`#/drafts/${p.id}`} className="drafts-list__item">
                <span className="drafts-list__title">{p.title || 'Untitled draft'}</span>
                <span className="muted">
                  {p.status} · {p.wordCount} words
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
