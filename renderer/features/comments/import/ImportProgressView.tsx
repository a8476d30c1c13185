import type { ImportJob } from '../../../../common/api/imports';
import { plural } from './labels';

/** The running import: bytes read as a progress bar, comment counts in words. */
export function ImportProgressView({ job }: { job: ImportJob }) {
  const p = job.progress;
  const pct = p.totalBytes ? Math.min(100, Math.round((p.bytesRead / p.totalBytes) * 100)) : 0;
  return (
    <div className="import-progress">
      <label>
        Importing… {pct}%
        <progress max={100} value={pct} />
      </label>
      <p aria-live="polite">
        {plural(p.comments, 'comment')} read: {p.imported.toLocaleString()} new, {p.updated.toLocaleString()} updated, {p.unchanged.toLocaleString()} unchanged
      </p>
    </div>
  );
}
