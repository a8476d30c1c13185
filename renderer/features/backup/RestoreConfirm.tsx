import { useEffect, useRef } from 'react';
/** The second step of a restore: says what will happen, and that nothing is lost by it. */
export function RestoreConfirm({ what, busy, onConfirm, onCancel }: { what: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="backups-confirm" role="group" aria-label="Confirm restore">
      <p>
        Replace everything in the workbench with <strong>{what}</strong>? Nothing is lost: the database as it is now is kept as a
        backup first, so you can restore it again. The file is checked before anything is replaced.
      </p>
      <div className="backups-dialog__actions">
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy}>
          Restore this backup
        </button>
        <button type="button" className="button" ref={cancel} onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
