import { useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { downloadBlob } from '../../shell/download';
import { ExportDialogSlot } from '../export/ExportAction';

/**
 * The series' exports: Export series… (the index and its published posts, as `workbench
 * export-series` writes them) and the plan as CSV or .ics.
 */
export function ExportButtons({ seriesId, title, onError }: { seriesId: string; title: string; onError: (message: string) => void }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState(false);

  const download = async (format: 'csv' | 'ics') => {
    setBusy(true);
    try {
      const file = await client.call('series.exportPlan', { id: seriesId, format });
      downloadBlob(new Blob([file.text], { type: file.mime }), file.fileName);
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-buttons" role="group" aria-label="Export">
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setExporting(true)}>
        Export series…
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => download('csv')}>
        Export CSV
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => download('ics')}>
        Export .ics
      </button>
      {exporting && <ExportDialogSlot subject={{ kind: 'series', id: seriesId, title }} onClose={() => setExporting(false)} />}
    </div>
  );
}
