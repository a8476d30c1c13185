import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Output } from '../../../common/api';
import { ROLE_LABELS } from '../../../common/sync/documents';
import { useClient } from '../../api/ClientContext';
import { useChanges } from '../../api/useChanges';
import { touches } from '../../../common/changes';
import { NeedsDecision } from './NeedsDecision';
import { syncLabel } from './WorkspaceButton';

type Status = Output<'workspace.status'>;

/** Join or leave a team workspace; see who one is, Needs decision and refused changes. */
export function WorkspaceDialog({ onClose, onStatus }: { onClose: () => void; onStatus: (s: Status) => void }) {
  const client = useClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [status, setStatus] = useState<Status | null>(null);
  const [conflicts, setConflicts] = useState<Output<'workspace.conflicts'>>([]);
  const [refused, setRefused] = useState<Output<'workspace.refused'>>([]);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const refresh = useCallback(async () => {
    const s = await client.call('workspace.status', {});
    setStatus(s);
    onStatus(s);
    if (s.joined) {
      setConflicts(await client.call('workspace.conflicts', {}));
      setRefused(await client.call('workspace.refused', {}));
    }
  }, [client, onStatus]);

  useEffect(() => {
    dialog.current?.showModal();
    void refresh().catch((e: Error) => setError(e.message));
  }, [refresh]);
  // Status, Needs decision and refused changes move with the sync: re-read when main says so.
  useChanges((c) => (touches(c, 'sync') || touches(c, 'conflicts')) && void refresh().catch(() => undefined));

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    try {
      await work();
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="workspace-dialog" aria-labelledby={`${id}-title`} aria-busy={busy} onClose={onClose}>
      <div className="workspace-dialog__header">
        <h2 id={`${id}-title`}>Team workspace</h2>
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {status && !status.joined && (
        <form
          className="workspace-dialog__join"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => client.call('workspace.join', { url, token }).then(() => setToken('')));
          }}
        >
          <p>This store is local only. Join your team's workspace with the server address and the invitation token an admin gave you; what is here merges in.</p>
          <label>
            Server address
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="wss://team.example.org" required />
          </label>
          <label>
            Invitation token
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" required />
          </label>
          <button type="submit" className="button button--primary" disabled={busy}>
            Join
          </button>
        </form>
      )}
      {status?.joined && (
        <>
          <p className="workspace-dialog__who">
            You are <strong>{status.member!.name}</strong>, {ROLE_LABELS[status.role!].toLowerCase()}, on <code>{status.url}</code>.
          </p>
          <p role="status" aria-live="polite">
            {syncLabel(status)}
          </p>
          <NeedsDecision conflicts={conflicts} busy={busy} onPick={(cid, pick) => run(() => client.call('workspace.resolve', { id: cid, pick }))} />
          {refused.length > 0 && (
            <section aria-labelledby={`${id}-refused`}>
              <h3 id={`${id}-refused`}>Refused by the team server</h3>
              <ul className="workspace-dialog__refused">
                {refused.map((r) => (
                  <li key={`${r.table}/${r.rowId}/${r.field}`}>
                    {r.table} {r.field}: “{r.value ?? ''}”. {r.reason}
                  </li>
                ))}
              </ul>
              <button type="button" className="button" disabled={busy} onClick={() => void run(() => client.call('workspace.discardRefused', {}))}>
                Discard refused changes
              </button>
            </section>
          )}
          <div className="workspace-dialog__actions">
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => client.call('workspace.leave', {}))}>
              Leave workspace (keep everything here)
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
