import { useEffect, useId, useRef, useState } from 'react';
import type { Post, Revision } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { RevisionDialog, type ShownRevision } from './RevisionDialog';
import { formatTimestamp } from '../../format/dates';
import { statusLabel } from '../../../common/series/workflow';

type Shown = ShownRevision | { kind: 'confirm'; revision: Revision };

function reasonText(reason: string): string {
  // Stored as "status: drafting → in-review"; shown with the labels used everywhere else.
  const change = /^status: (\S+) → (\S+)$/.exec(reason);
  if (change) return `status: ${statusLabel(change[1])} → ${statusLabel(change[2])}`;
  return reason === 'interval' ? 'while editing' : reason;
}

/** Snapshots of the draft: view one, compare it with the current text, restore it. */
export function RevisionsPanel({ post, onReplaced }: { post: Post; onReplaced: (post: Post) => void }) {
  const client = useClient();
  const id = useId();
  const [list, setList] = useState<Revision[] | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLElement | null>(null);

  // A save may have taken a snapshot: reload the list whenever the stored revision moves.
  useEffect(() => {
    client.call('revisions.list', { postId: post.id }).then(setList, (e: Error) => setError(e.message));
  }, [client, post.id, post.revision]);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await f();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const open = (f: () => Promise<void>) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return run(f);
  };
  const view = (r: Revision) => open(async () => setShown({ kind: 'view', revision: await client.call('revisions.get', { id: r.id }) }));
  const compare = (r: Revision) => open(async () => setShown({ kind: 'diff', ...(await client.call('revisions.diff', { id: r.id })) }));
  const restore = (r: Revision) =>
    run(async () => {
      const restored = await client.call('revisions.restore', { id: r.id, baseRevision: post.revision });
      setShown(null);
      onReplaced(restored);
    });

  return (
    <section className="draft-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="draft-panel__title">
        Revisions
      </h2>
      {list && list.length === 0 && <p className="muted">No snapshots yet. One is kept every five minutes while you write, and at every status change.</p>}
      {list && list.length > 0 && (
        <ol className="revisions" aria-label="Snapshots, newest first">
          {list.map((r) => (
            <li key={r.id} className="revisions__item" data-testid="revision">
              <div>
                <time dateTime={r.createdAt}>{formatTimestamp(r.createdAt)}</time> · {r.wordCount} words
                <div className="muted revisions__reason">{reasonText(r.reason)}</div>
              </div>
              <div className="revisions__actions">
                <button type="button" className="button" disabled={busy} onClick={() => void view(r)} aria-label={`View the version of ${formatTimestamp(r.createdAt)}`}>
                  View
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void compare(r)} aria-label={`Compare the version of ${formatTimestamp(r.createdAt)} with the current text`}>
                  Compare
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => setShown({ kind: 'confirm', revision: r })} aria-label={`Restore the version of ${formatTimestamp(r.createdAt)}`}>
                  Restore
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {shown && shown.kind !== 'confirm' && <RevisionDialog shown={shown} busy={busy} onRestore={(r) => void restore(r)} onClose={() => setShown(null)} opener={opener.current} />}
      {shown?.kind === 'confirm' && (
        <div className="revisions__shown" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>Restore the version of {formatTimestamp(shown.revision.createdAt)}? The current text is kept as a revision first.</p>
          <div className="revisions__actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void restore(shown.revision)}>
              Restore this version
            </button>
            <button type="button" className="button" onClick={() => setShown(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
