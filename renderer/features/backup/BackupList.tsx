import type { Output } from '../../../common/api';
import { formatSize, REASON_LABELS } from './format';
import { formatTimestamp } from '../../format/dates';

type Backup = Output<'backup.list'>['backups'][number];

export function BackupList({ backups, busy, onRestore }: { backups: Backup[]; busy: boolean; onRestore: (b: Backup) => void }) {
  if (backups.length === 0) {
    return <p className="backups-dialog__empty">No backups yet. Choose “Back up now” to make the first one.</p>;
  }
  return (
    <table className="backups-table">
      <caption className="visually-hidden">Kept backups, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">Why</th>
          <th scope="col">Size</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.name} data-name={b.name}>
            <td>
              <time dateTime={b.createdAt}>{formatTimestamp(b.createdAt)}</time>
            </td>
            <td>{REASON_LABELS[b.reason] ?? b.reason}</td>
            <td>{formatSize(b.sizeBytes)}</td>
            <td>
              <button type="button" className="button" disabled={busy} onClick={() => onRestore(b)} aria-label={`Restore the backup taken ${formatTimestamp(b.createdAt)}`}>
                Restore…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
