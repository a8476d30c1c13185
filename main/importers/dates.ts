/** Dates as exports write them -> ISO 8601 UTC (`2014-01-14T17:32:12.000Z`), or null when absent or unreadable. */

const SQLISH = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;

function iso(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, offsetMinutes = 0): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  const date = new Date(t);
  if (date.getUTCDate() !== d && offsetMinutes === 0) return null; // 31 February
  return Number.isNaN(t) ? null : date.toISOString();
}

function offset(z: string | undefined): number {
  if (!z || z.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** `2014-01-14 17:32:12` (WordPress, taken as UTC), ISO 8601 with or without zone. `0000-00-00 ...` is none. */
export function parseIsoish(value: string): string | null {
  const v = value.trim();
  if (!v || v.startsWith('0000-00-00')) return null;
  const m = SQLISH.exec(v);
  if (!m) return null;
  return iso(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), offset(m[7]));
}

export interface ParsedDate {
  value: string | null;
  /** Set when a day-month order other than the one asked for had to be used. */
  swapped?: boolean;
}

/**
 * Dates people and spreadsheets write: ISO, `05/03/2024` (UK, day first) or `03/05/2024`
 * (US, month first) as `order` says (a date impossible in that order is read the other way and
 * reported), `5 March 2024`, `March 5, 2024`, RFC 2822.
 */
export function parseHumanDate(value: string, order: 'dmy' | 'mdy' = 'dmy'): ParsedDate {
  const v = value.trim();
  if (!v) return { value: null };
  const isoValue = parseIsoish(v);
  if (isoValue) return { value: isoValue };
  const m = NUMERIC.exec(v);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    let swapped = false;
    let [day, month] = order === 'dmy' ? [a, b] : [b, a];
    if (month > 12 && day <= 12) {
      [day, month] = [month, day];
      swapped = true;
    }
    let year = +m[3];
    if (m[3].length === 2) year += year < 70 ? 2000 : 1900;
    let hour = +(m[4] ?? 0);
    if (m[7]) hour = (hour % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
    return { value: iso(year, month, day, hour, +(m[5] ?? 0), +(m[6] ?? 0)), swapped };
  }
  // Month names and RFC 2822; a string without a zone is taken as UTC.
  const hasZone = /(?:Z|GMT|UTC|[+-]\d{2}:?\d{2})$/i.test(v);
  const t = Date.parse(hasZone ? v : `${v} UTC`);
  return { value: Number.isNaN(t) ? null : new Date(t).toISOString() };
}
