/** How backups read in the dialog. */
export const REASON_LABELS: Record<string, string> = {
  daily: 'Daily, at start-up',
  manual: 'Backed up by hand',
  'before-migration': 'Before an upgrade',
  'before-restore': 'Before a restore',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
