/** Display helpers for dates and statuses in the series views. */
// The window's one date style lives in renderer/format/dates.ts; the series views take it from there.
export { formatDate, formatLongDay, formatMonth } from '../../format/dates';

export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
