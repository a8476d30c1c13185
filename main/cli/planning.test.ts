import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { createPost } from '../../db/repos/posts';
import { createSeries } from '../../db/repos/series';
import { addPostToSeries } from '../../db/repos/series-posts';
import { setChecklistConfig } from '../../db/repos/checklist';
import { parseIcs } from '../exporters/series-plan-ics-parse';

const TODAY = '2027-01-04';
const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-plan-cli-'));
const db = path.join(dir, 'w.sqlite');
const workbench = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), ...args, '--db', db], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WORKBENCH_TODAY: TODAY } });

beforeAll(() => {
  const store = openDatabase(db);
  const s = createSeries(store, { title: 'Care at home', topic: 'home care' }, TODAY);
  const seriesPost = createPost(store, { title: 'Series post', status: 'commissioned', plannedDate: '2027-01-06' });
  addPostToSeries(store, { seriesId: s.id, postId: seriesPost.id }, TODAY);
  createPost(store, { title: 'Standalone', plannedDate: '2027-01-06' });
  createPost(store, { title: 'Bare draft' });
  setChecklistConfig(store, null, { 'guest-author': { level: 'required' }, 'planned-date': { level: 'required' } });
  store.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('workbench plan', () => {
  it('writes the plan across series as one .ics and one CSV, and prints clashes and empty weeks', () => {
    const ics = path.join(dir, 'plan.ics');
    const csv = path.join(dir, 'plan.csv');
    const r = workbench('plan', '--from', '2027-01-04', '--to', '2027-01-17', '--ics', ics, '--csv', csv);
    expect(r.status, r.stderr).toBe(0);
    const events = parseIcs(fs.readFileSync(ics, 'utf8')).children.filter((c) => c.name === 'VEVENT');
    expect(events).toHaveLength(2);
    expect(fs.readFileSync(csv, 'utf8').trim().split('\r\n')).toHaveLength(3);
    const text = workbench('plan', '--from', '2027-01-04', '--to', '2027-01-17');
    expect(text.stdout).toContain('Clash on 2027-01-06: 2 posts.');
    expect(text.stdout).toContain('Nothing planned in the week 2027-01-11 to 2027-01-17.');
    // The window's status labels, not slugs, in aligned columns ("Commissioned" is wider than the old 10-character pad).
    const lines = text.stdout.split('\n').filter((l) => l.startsWith('2027-01-'));
    expect(lines.sort()).toEqual(['2027-01-06  Commissioned  Series post  [Care at home #1]', '2027-01-06  Drafting      Standalone']);
    const bad = workbench('plan', '--from', '2027-02-30');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--from 2027-02-30: expected a date');
  });
});

describe('the checklist from a terminal', () => {
  it('workbench check prints every rule and exits 1 when a required one fails', () => {
    const r = workbench('check', 'bare-draft', '--json');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.report.blocking.map((x: { id: string }) => x.id)).toEqual(['guest-author', 'planned-date']);
  });

  it('refuses a move to scheduled through set-status and through workbench call, and changes nothing', () => {
    const r = workbench('set-status', 'bare-draft', 'scheduled');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('required checks fail');
    expect(r.stderr).toContain('A planned date');
    const post = JSON.parse(workbench('call', 'posts.get', JSON.stringify({ slug: 'bare-draft' })).stdout);
    const call = workbench('call', 'posts.update', JSON.stringify({ id: post.id, baseRevision: post.revision, status: 'published' }));
    expect(call.status).not.toBe(0);
    expect(call.stdout + call.stderr).toContain('CHECKLIST_FAILED');
    const after = JSON.parse(workbench('call', 'posts.get', JSON.stringify({ slug: 'bare-draft' })).stdout);
    expect([after.status, after.revision]).toEqual(['drafting', post.revision]);
  });
});
