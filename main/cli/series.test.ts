import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcs } from '../exporters/series-plan-ics-parse';
import { openDatabase } from '../../db/connection';
import { createSeries } from '../../db/repos/series';
import { addPostToSeries, commissionPost, setPostDates } from '../../db/repos/series-posts';

const TODAY = '2026-03-10';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-series-cli-'));
const db = path.join(dir, 'w.sqlite');
const workbench = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), ...args, '--db', db], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WORKBENCH_TODAY: TODAY } });
const json = (...args: string[]) => {
  const r = workbench(...args);
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};

beforeAll(() => {
  // The data goes in through the store directly (each CLI start costs a second); one insert goes
  // through `workbench call`, the way a user creates and reorders from a terminal.
  const store = openDatabase(db);
  const s = createSeries(store, { title: 'Clinical leaders', topic: 'leadership' }, TODAY);
  for (const title of ['One', 'Two', 'Three']) addPostToSeries(store, { seriesId: s.id, title }, TODAY);
  store.close();
  const d = json('call', 'series.addPost', JSON.stringify({ seriesId: s.id, title: 'Inserted', position: 2 }));
  const again = openDatabase(db);
  setPostDates(again, d.posts[0].id, '2026-04-01', undefined, TODAY);
  commissionPost(again, { postId: d.posts[1].id, authorName: 'Guest', deadline: '2026-03-01' }, TODAY);
  again.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('workbench series', () => {
  it('prints each series with its posts in order, positions, statuses and notices as JSON', () => {
    const out = json('series', 'clinical-leaders', '--json');
    expect(out).toHaveLength(1);
    expect(out[0].posts.map((p: any) => [p.position, p.slug, p.status, p.plannedDate, p.deadline])).toEqual([
      [1, 'one', 'idea', '2026-04-01', null],
      [2, 'inserted', 'commissioned', null, '2026-03-01'],
      [3, 'two', 'idea', null, null],
      [4, 'three', 'idea', null, null],
    ]);
    expect(out[0].posts[2].notice).toBe('This is the third in a series of guest blogs that explores leadership.');
    expect(out[0].posts[1].overdue).toBe(true);
  });

  it('exits 2 with the reason for an unknown slug', () => {
    const r = workbench('series', 'nope', '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('No series with slug "nope"');
  });
});

describe('workbench series-plan', () => {
  it('writes the .ics and .csv files of a series', () => {
    const ics = path.join(dir, 'plan.ics');
    const csv = path.join(dir, 'plan.csv');
    execFileSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), 'series-plan', 'clinical-leaders', '--ics', ics, '--csv', csv, '--db', db], { cwd: ROOT });
    const events = parseIcs(fs.readFileSync(ics, 'utf8')).children;
    expect(events.map((e) => e.props.find((p) => p.name === 'DTSTART')?.value).sort()).toEqual(['20260301', '20260401']);
    expect(fs.readFileSync(csv, 'utf8').split('\r\n')).toHaveLength(6); // header, four posts, final newline
  });

  it('refuses to run without an output file', () => {
    const r = workbench('series-plan', 'clinical-leaders');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('needs --ics FILE, --csv FILE or both');
  });
});
