import { useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { downloadText } from '../../shell/download';

/** Downloads the plan as CSV or .ics. */
export function ExportButtons({ seriesId, onError }: { seriesId: string; onError: (message: string) => void }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);

  const download = async (format: 'csv' | 'ics') => {
    setBusy(true);
    try {
      const file = await client.call('series.exportPlan', { id: seriesId, format });
      downloadText(file);
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
