import { useEffect, useState } from 'react';
import type { CommenterHistory } from '../../../../common/api/moderation';
import { useClient } from '../../../api/ClientContext';
import { BASIS_TEXT, historyText } from './history-text';

interface Props {
  commentId: string;
  /** Changes when the comment's data may have changed (a moderation), to fetch again. */
  version: number;
  onShowOnly: (key: string, name: string) => void;
  onOpenView: (key: string, name: string) => void;
}

/** Beside a comment: its writer's earlier comments by status, how they were matched, and links to see them. */
export function CommenterContext({ commentId, version, onShowOnly, onOpenView }: Props) {
  const client = useClient();
  const [h, setH] = useState<CommenterHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    client.call('commenters.history', { commentId }).then(
      (v) => live && setH(v),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [client, commentId, version]);
  if (error) return <p className="error-text">The commenter's history could not be read: {error}</p>;
  if (!h) return <p className="muted commenter-context">Reading the commenter's history…</p>;
  const name = h.name || 'Anonymous';
  return (
    <section className="commenter-context" aria-labelledby="commenter-context-title" data-testid="commenter-context">
      <h3 id="commenter-context-title">Commenter history</h3>
      <p className="commenter-context__summary">{historyText(h)}</p>
      <p className="muted commenter-context__basis">{BASIS_TEXT[h.basis]}.</p>
      {h.all > 1 && (
        <p className="commenter-context__links">
          <button type="button" className="button button--link" onClick={() => onShowOnly(h.key, name)}>
            {`Show only ${name}'s comments (${h.all})`}
          </button>
          <button type="button" className="button button--link" onClick={() => onOpenView(h.key, name)}>
            {`All comments by ${name}, with notes`}
          </button>
        </p>
      )}
    </section>
  );
}
