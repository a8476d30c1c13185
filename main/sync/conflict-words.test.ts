/**
 * Needs decision in words: a running-order conflict shows places in the series ("2nd in the
 * series, after “First”"), never the fractional keys that travel, in the window's API and in
 * `workbench workspace conflicts --json` (a real CLI process), with the raw keys kept beside them.
 * Two laptops (real SQLite files) meet without a server (testing/offline-members.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addPostToSeries, movePostInSeries } from '../../db/repos/series-posts';
import { createSeries } from '../../db/repos/series';
import { WorkspaceConflict } from '../../common/api/workspace';
import type { Ctx } from '../context';
import { useSyncTestKit } from './testing/laptops';
import { meet, member } from './testing/offline-members';
import { workbench } from './testing/team-server-process';
import { KeyFileVault } from './token-vault';
import { workspaceHandlers } from './window-api';

const kit = useSyncTestKit();
const TODAY = '2026-12-07';
const FRACTIONAL_KEY = /^[a-zA-Z][0-9a-zA-Z]*$/;

describe('Needs decision in words', { timeout: 120_000 }, () => {
  it('shows a running-order conflict as places in the series, in the window and in the CLI, with the raw keys kept', async () => {
    const keyFile = path.join(kit.dir(), 'workspace.key');
    process.env.WORKBENCH_KEY_FILE = keyFile;
    const sealed = new KeyFileVault(keyFile).seal('wbt_offline');
    const a = member(kit.laptop('a'), 'Sam', 'admin', sealed);
    const b = member(kit.laptop('b'), 'Sue', 'series-manager');
    const series = createSeries(a.l.db, { title: 'Care at home' }, TODAY);
    const ids = ['First', 'Second', 'Third', 'Fourth'].map((title) => {
      addPostToSeries(a.l.db, { seriesId: series.id, title }, TODAY);
      return a.l.db.prepare('SELECT id FROM posts WHERE title = ?').pluck().get(title) as string;
    });
    meet(a, b);
    // Apart, Sam (an admin) moves "Fourth" to second place and Sue to the front.
    movePostInSeries(a.l.db, ids[3], 2, TODAY);
    movePostInSeries(b.l.db, ids[3], 1, TODAY);
    meet(a, b);

    const ctx = { db: a.l.db } as Ctx;
    const listed = (await workspaceHandlers['workspace.conflicts']({}, ctx)).map((c) => WorkspaceConflict.parse(c));
    expect(listed).toHaveLength(1);
    const [c] = listed;
    expect(c).toMatchObject({ what: 'Post position', subject: '“Fourth”', baseShown: '4th in the series, after “Third”', canDecide: true });
    expect(c.choices.map((ch) => [ch.by, ch.shown])).toEqual(
      expect.arrayContaining([
        ['Sam', '2nd in the series, after “First”'],
        ['Sue', '1st in the series, at the start'],
      ]),
    );
    expect([c.choices[0].shown, c.choices[1].shown]).toContain(c.currentShown);
    // The keys themselves stay beside the words.
    for (const v of [c.base, c.current, ...c.choices.map((ch) => ch.value)]) expect(v).toMatch(FRACTIONAL_KEY);
    for (const words of [c.baseShown, c.currentShown, ...c.choices.map((ch) => ch.shown)]) expect(words).not.toMatch(/\b[a-zA-Z]\d[0-9a-zA-Z]*\b/);

    const cli = workbench(['workspace', 'conflicts', '--json', '--db', a.l.file], { ...process.env, WORKBENCH_KEY_FILE: keyFile });
    expect(cli.status, cli.stderr).toBe(0);
    const [j] = JSON.parse(cli.stdout) as Array<{ id: string; key: string; what: string; baseShown: string; base: string; choices: Array<{ value: string; shown: string; by: string }> }>;
    expect(j).toMatchObject({ id: c.id, key: `post:${ids[3]}|rank`, what: 'Post position', base: c.base, baseShown: '4th in the series, after “Third”' });
    expect(j.choices.map((ch) => [ch.by, ch.shown, ch.value])).toEqual(c.choices.map((ch) => [ch.by, ch.shown, ch.value]));
    const text = workbench(['workspace', 'conflicts', '--db', a.l.file], { ...process.env, WORKBENCH_KEY_FILE: keyFile });
    expect(text.stdout).toContain('Post position of “Fourth”: was 4th in the series, after “Third”');
  });
});
