import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/connection';
import { createSeries, getSeriesDetail } from '../../db/repos/series';
import { addPostToSeries, commissionPost, setPostDates } from '../../db/repos/series-posts';
import { seriesPlanCsv } from './series-plan-csv';
import { foldLine, seriesPlanIcs } from './series-plan-ics';
import { icsProp, parseIcs } from './series-plan-ics-parse';

const TODAY = '2026-03-10';
let dir: string;
let db: DB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-plan-'));
  db = openDatabase(path.join(dir, 'w.sqlite'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function plannedSeries() {
  const s = createSeries(db, { title: 'Leaders; care, and "change"', slug: 'leaders', topic: 'leadership' }, TODAY);
  addPostToSeries(db, { seriesId: s.id, title: 'Why, then; now \\ later' }, TODAY);
  addPostToSeries(db, { seriesId: s.id, title: '=HYPERLINK("x") and a very long title that will certainly need folding when it goes into a calendar file é' }, TODAY);
  addPostToSeries(db, { seriesId: s.id, title: 'Unplanned' }, TODAY);
  const [a, b] = getSeriesDetail(db, { id: s.id }, TODAY).posts;
  setPostDates(db, a.id, '2026-04-01', undefined, TODAY);
  setPostDates(db, b.id, '2026-04-08', undefined, TODAY);
  commissionPost(db, { postId: b.id, authorName: 'Zoë Guest, MD', deadline: '2026-03-01' }, TODAY);
  return getSeriesDetail(db, { id: s.id }, TODAY);
}

/** RFC 4180 reader, independent of the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('series plan iCalendar export', () => {
  it('reads back as one VEVENT per planned date and per deadline with all-day dates and escaped text', () => {
    const detail = plannedSeries();
    const ics = seriesPlanIcs(detail);
    const cal = parseIcs(ics);
    expect(cal.name).toBe('VCALENDAR');
    expect(icsProp(cal, 'VERSION')).toBe('2.0');
    expect(icsProp(cal, 'X-WR-CALNAME')).toBe('Leaders; care, and "change"');
    const events = cal.children.filter((c) => c.name === 'VEVENT');
    expect(events).toHaveLength(3);
    const [a, b] = detail.posts;
    const byUid = new Map(events.map((e) => [icsProp(e, 'UID'), e]));
    const planned = byUid.get(`${a.id}-planned@editorial-workbench`)!;
    expect(planned.props.find((p) => p.name === 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20260401' });
    expect(icsProp(planned, 'DTEND')).toBe('20260402');
    expect(icsProp(planned, 'SUMMARY')).toBe('Leaders; care, and "change" (first): Why, then; now \\ later');
    expect(icsProp(planned, 'DESCRIPTION')).toBe('This is the first in a series of guest blogs that explores leadership.\nStatus: idea');
    const deadline = byUid.get(`${b.id}-deadline@editorial-workbench`)!;
    expect(icsProp(deadline, 'DTSTART')).toBe('20260301');
    expect(icsProp(deadline, 'SUMMARY')).toMatch(/^Deadline: =HYPERLINK.*é \(Zoë Guest, MD\)$/);
    expect(icsProp(deadline, 'DESCRIPTION')).toContain('Overdue: not delivered.');
    expect(byUid.has(`${b.id}-planned@editorial-workbench`)).toBe(true);
  });

  it('uses CRLF everywhere, folds long lines and stamps events from their last change', () => {
    const detail = plannedSeries();
    const ics = seriesPlanIcs(detail);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toMatch(/\r\n [^\r]/); // at least one folded line
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const stamp = detail.posts[0].updatedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    expect(ics).toContain(`DTSTAMP:${stamp}`);
    expect(seriesPlanIcs(detail)).toBe(ics);
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const folded = foldLine('SUMMARY:' + 'é'.repeat(80));
    const lines = folded.split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe('SUMMARY:' + 'é'.repeat(80));
    expect(lines[0]).toBe('SUMMARY:' + 'é'.repeat(33)); // 8 + 66 octets; one more é would make 76
  });
});

describe('series plan CSV export', () => {
  it('quotes commas, quotes and formulas and reads back row for row', () => {
    const detail = plannedSeries();
    const csv = seriesPlanCsv(detail);
    expect(csv.startsWith('\uFEFFposition,slug,title,')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(4);
    const header = rows[0];
    const record = (i: number) => Object.fromEntries(header.map((h, j) => [h, rows[i][j]]));
    expect(record(1)).toMatchObject({ position: '1', title: 'Why, then; now \\ later', planned_date: '2026-04-01', deadline: '', overdue: 'false' });
    expect(record(2)).toMatchObject({
      position: '2',
      title: `'=HYPERLINK("x") and a very long title that will certainly need folding when it goes into a calendar file é`,
      guest_authors: 'Zoë Guest, MD',
      status: 'commissioned',
      overdue: 'true',
      notice: 'This is the second in a series of guest blogs that explores leadership.',
    });
    expect(record(3)).toMatchObject({ position: '3', title: 'Unplanned', planned_date: '' });
  });
});
