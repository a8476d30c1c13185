import { useEffect, useState } from 'react';
import type { Output } from '../../../common/api';
import { useClient } from '../../api/ClientContext';
import { useChanges } from '../../api/useChanges';
import { touches } from '../../../common/changes';
import { lazyView } from '../../shell/lazy-view';
import './workspace.css';
import { formatTimestamp } from '../../format/dates';

const WorkspaceDialog = lazyView('The team workspace dialog', () => import('./WorkspaceDialog'), (m) => m.WorkspaceDialog);

type Status = Output<'workspace.status'>;

const time = (iso: string | null) => (iso ? formatTimestamp(iso) : 'never');

export function syncLabel(s: Status | null): string {
  if (!s || !s.joined) return 'Local only';
  const decide = s.conflicts > 0 ? ` · ${s.conflicts} to decide` : '';
  switch (s.state) {
    case 'offline':
    case 'changes-waiting':
      return `Offline${s.pending ? ` (${s.pending} changes waiting)` : ''} · last sync ${time(s.lastSyncAt)}${decide}`;
    case 'syncing':
      return `Syncing…${decide}`;
    default:
      return `Up to date · ${time(s.lastSyncAt)}${decide}`;
  }
}

/** The status bar's sync indicator; it opens the Team workspace dialog. */
export function WorkspaceButton() {
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [asked, setAsked] = useState(0);
  // Asked once, then again only when main says the sync state or the conflicts moved.
  useChanges((c) => (touches(c, 'sync') || touches(c, 'conflicts')) && setAsked((n) => n + 1));
  useEffect(() => {
    let alive = true;
    client.call('workspace.status', {}).then((s) => alive && setStatus(s), () => undefined);
    return () => {
      alive = false;
    };
  }, [client, open, asked]);
  return (
    <>
      <button type="button" className="workspace-button" aria-haspopup="dialog" data-state={status?.state ?? 'local-only'} onClick={() => setOpen(true)}>
        <span className="workspace-button__dot" aria-hidden="true" />
        {syncLabel(status)}
      </button>
      {open && <WorkspaceDialog onClose={() => setOpen(false)} onStatus={setStatus} />}
    </>
  );
}
