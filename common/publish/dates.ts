/** Dates as the page prints them, without Intl or the machine's time zone, so every machine writes the same bytes. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar date (YYYY-MM-DD) at the start of an ISO timestamp or date, or null. */
export function calendarDate(iso: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** "1 March 2026" (British order, the house style). */
export function humanDate(iso: string | null | undefined): string {
  const date = calendarDate(iso);
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A value valid in <time datetime>: the full timestamp when it is one, else the date. */
export function datetimeAttr(iso: string | null | undefined): string | null {
  if (!iso) return null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(iso)) return iso;
  return calendarDate(iso);
}
