import { useState } from 'react';
import type { ImportSummary } from '../../../../common/api/imports';
import { lazyView } from '../../../shell/lazy-view';

const ImportCommentsDialog = lazyView('The import dialog', () => import('./ImportCommentsDialog'), (m) => m.ImportCommentsDialog);

/** "Import comments…" for the Comments area header; opens the import dialog. */
export function ImportCommentsButton({ onImported }: { onImported: (summary: ImportSummary) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Import comments…
      </button>
      {open && <ImportCommentsDialog onClose={() => setOpen(false)} onImported={onImported} />}
    </>
  );
}
