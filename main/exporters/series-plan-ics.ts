/**
 * The series plan as an iCalendar file (RFC 5545): one all-day event per planned publication date
 * and one per commissioning deadline. UIDs come from the post id, and DTSTAMP from the post's
 * last change, so exporting twice gives the same file and a calendar app updates events in place
 * instead of duplicating them.
 */
import type { SeriesDetail, SeriesPost } from '../../common/api/series';
import { addDays } from '../../common/series/dates';
import { ordinalWord } from '../../common/series/ordinal';

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // Continuation lines begin with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const icsDate = (date: string) => date.replace(/-/g, '');

/** 2026-03-10T09:15:02.123Z → 20260310T091502Z */
export function icsTimestamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '').replace(/^(\d{8}T\d{6}).*$/, '$1Z');
}

function event(fields: [string, string][]): string[] {
  return ['BEGIN:VEVENT', ...fields.map(([k, v]) => `${k}:${v}`), 'END:VEVENT'];
}

function byline(p: SeriesPost): string {
  return p.authors.map((a) => a.name).join(', ');
}

export function seriesPlanIcs(detail: SeriesDetail): string {
  const s = detail.series;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Editorial Workbench//Series planner//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(s.title)}`,
  ];
  for (const p of detail.posts) {
    const title = p.title || p.slug;
    const who = byline(p);
    const stamp = icsTimestamp(p.updatedAt);
    if (p.plannedDate) {
      const description = [p.notice, `Status: ${p.status}`, who && `Guest author: ${who}`].filter(Boolean).join('\n');
      lines.push(
        ...event([
          ['UID', `${p.id}-planned@editorial-workbench`],
          ['DTSTAMP', stamp],
          ['DTSTART;VALUE=DATE', icsDate(p.plannedDate)],
          ['DTEND;VALUE=DATE', icsDate(addDays(p.plannedDate, 1))],
          ['SUMMARY', icsText(`${s.title} (${ordinalWord(p.position)}): ${title}`)],
          ['DESCRIPTION', icsText(description)],
          ['CATEGORIES', `${icsText(s.title)},planned`],
          ['TRANSP', 'TRANSPARENT'],
        ]),
      );
    }
    if (p.deadline) {
      const description = [`Deadline for the ${ordinalWord(p.position)} post of ${s.title}.`, who && `Guest author: ${who}`, p.overdue ? 'Overdue: not delivered.' : '']
        .filter(Boolean)
        .join('\n');
      lines.push(
        ...event([
          ['UID', `${p.id}-deadline@editorial-workbench`],
          ['DTSTAMP', stamp],
          ['DTSTART;VALUE=DATE', icsDate(p.deadline)],
          ['DTEND;VALUE=DATE', icsDate(addDays(p.deadline, 1))],
          ['SUMMARY', icsText(`Deadline: ${title}${who ? ` (${who})` : ''}`)],
          ['DESCRIPTION', icsText(description)],
          ['CATEGORIES', `${icsText(s.title)},deadline`],
          ['TRANSP', 'TRANSPARENT'],
        ]),
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
