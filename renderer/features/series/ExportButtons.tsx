import { useState } from 'react';
import { useClient } from '../../api/ClientContext';

/** Downloads the plan as CSV or .ics; a Blob and a link work the same in Electron and the browser. */
export function ExportButtons({ seriesId, onError }: { seriesId: string; onError: (message: string) => void }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);

  const download = async (format: 'csv' | 'ics') => {
    setBusy(true);
    try {
      const file = await client.call('series.exportPlan', { id: seriesId, format });
      const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      // Give the browser a moment to start reading the blob before it is released.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-buttons" role="group" aria-label="Export the plan">
      <button type="button" className="button" disabled={busy} onClick={() => download('csv')}>
        Export CSV
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => download('ics')}>
        Export .ics
      </button>
    </div>
  );
}
