import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Output } from '../../../common/api';
import { useClient } from '../../api/ClientContext';
import { BackupList } from './BackupList';
import { RestoreConfirm } from './RestoreConfirm';
import { formatTimestamp } from '../../format/dates';
import { useRunner } from '../../shell/use-runner';

type Listing = Output<'backup.list'>;
type Backup = Listing['backups'][number];
/** What the user chose to restore: one of the kept backups, or (desktop app) any file. */
type Choice = { name: string; what: string } | { path: string; what: string };

/**
 * Back up now, and restore from one of the kept backups. A restore replaces every pane's data, so
 * the page reloads once it is done.
 */
export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [listing, setListing] = useState<Listing | null>(null);
  const { busy, error, notice, setError, setNotice, run } = useRunner();
  const [confirming, setConfirming] = useState<Choice | null>(null);
  const [desktop, setDesktop] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setListing(await client.call('backup.list', {}));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [client]);

  useEffect(() => {
    dialog.current?.showModal();
    void refresh();
    client.call('desktop.capabilities', {}).then((c) => setDesktop(c.available), () => setDesktop(false));
  }, [refresh, client]);

  const backUpNow = () =>
    run(async () => {
      const made = await client.call('backup.create', {});
      setNotice(`Backed up: ${made.name}`);
      await refresh();
    });

  const chooseFile = () =>
    run(async () => {
      const chosen = await client.call('desktop.chooseFile', { title: 'Choose a workbench backup', extensions: ['sqlite', 'db'] });
      if (chosen.path) setConfirming({ path: chosen.path, what: chosen.path });
    });

  const restore = (choice: Choice) =>
    run(async () => {
      const result = await client.call('backup.restore', 'name' in choice ? { name: choice.name } : { path: choice.path });
      setConfirming(null);
      setNotice(`Restored. The database as it was is kept as ${result.previous.name}. Reloading…`);
      window.setTimeout(() => window.location.reload(), 600);
    });

  return (
    <dialog ref={dialog} className="backups-dialog" aria-labelledby={`${id}-title`} aria-busy={busy} onClose={onClose}>
      <div className="backups-dialog__header">
        <h2 id={`${id}-title`}>Backups</h2>
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <p className="backups-dialog__intro">
        The app backs up once a day when it starts and before every upgrade, and keeps the newest {listing?.keep ?? 7}
        {listing ? (
          <>
            {' '}in <code className="backups-dialog__folder">{listing.folder}</code>
          </>
        ) : null}
        .
      </p>
      <div className="backups-dialog__actions">
        <button type="button" className="button button--primary" onClick={backUpNow} disabled={busy}>
          Back up now
        </button>
        {desktop && (
          <button type="button" className="button" onClick={chooseFile} disabled={busy}>
            Restore from a file…
          </button>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <p className="backups-dialog__notice" role="status" aria-live="polite">
        {notice}
      </p>
      {confirming ? (
        <RestoreConfirm what={confirming.what} busy={busy} onConfirm={() => restore(confirming)} onCancel={() => setConfirming(null)} />
      ) : listing === null ? (
        <p>Loading backups…</p>
      ) : (
        <BackupList backups={listing.backups} busy={busy} onRestore={(b: Backup) => setConfirming({ name: b.name, what: `the backup taken ${formatTimestamp(b.createdAt)}` })} />
      )}
    </dialog>
  );
}
