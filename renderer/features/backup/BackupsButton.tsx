import { useState } from 'react';
import { lazyView } from '../../shell/lazy-view';
import './backups.css';

const BackupsDialog = lazyView('The backups dialog', () => import('./BackupsDialog'), (m) => m.BackupsDialog);

/** The status bar's way into backups: a small button that opens the Backups dialog. */
export function BackupsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="backups-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Backups
      </button>
      {open && <BackupsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
