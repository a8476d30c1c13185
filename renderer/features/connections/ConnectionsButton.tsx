import { useState } from 'react';
import { lazyView } from '../../shell/lazy-view';
import './connections.css';

const ConnectionsDialog = lazyView('The connections dialog', () => import('./ConnectionsDialog'), (m) => m.ConnectionsDialog);

/** The status bar's way into connected WordPress sites. */
export function ConnectionsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="connections-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Connections
      </button>
      {open && <ConnectionsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
