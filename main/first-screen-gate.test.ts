import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../db/backup';
import { closeContext, createContext, type Ctx } from './context';
import { createDispatch } from './dispatch';
import { firstScreenGate } from './first-screen-gate';
import { handlers } from './handlers/index';

const dirs: string[] = [];
const contexts: Ctx[] = [];
afterEach(() => {
  contexts.splice(0).forEach(closeContext);
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const settled = (p: Promise<unknown>) => Promise.race([p.then(() => true), sleep(0).then(() => false)]);

/** An existing database, as the app finds it on its second start. */
function existingDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-gate-'));
  dirs.push(dir);
  const dbPath = path.join(dir, 'workbench.sqlite');
  const first = createContext({ dbPath, mode: 'cli' });
  closeContext(first);
  return dbPath;
}

/** Browser mode's wiring: the context's background work and the dispatch share one gate. */
function appBehindGate() {
  const dbPath = existingDb();
  const gate = firstScreenGate({ quietMs: 50, maxMs: 10_000 });
  const ctx = createContext({ dbPath, mode: 'browser', backgroundAfter: gate.opened });
  contexts.push(ctx);
  return { dbPath, ctx, call: gate.track(createDispatch(handlers, ctx)) };
}

describe('the first-screen gate', () => {
  it('stays shut while the first requests come, and opens once they have gone quiet', async () => {
    const gate = firstScreenGate({ quietMs: 60, maxMs: 10_000 });
    const dispatch = gate.track(async () => {
      await sleep(20);
      return { ok: true, value: null };
    });
    await sleep(100);
    expect(await settled(gate.opened)).toBe(false); // nothing answered yet: not open on quiet alone
    await dispatch('posts.list', {});
    await sleep(30);
    await dispatch('series.list', {}); // a second request inside the quiet time starts it over
    await sleep(30);
    expect(await settled(gate.opened)).toBe(false);
    await sleep(60);
    expect(await settled(gate.opened)).toBe(true);
  });

  it('opens at maxMs when the window asks nothing', async () => {
    const gate = firstScreenGate({ quietMs: 10, maxMs: 50 });
    expect(await settled(gate.opened)).toBe(false);
    await sleep(80);
    expect(await settled(gate.opened)).toBe(true);
  });

  it('holds the daily backup (and the look at the backups folder) until the gate opens', async () => {
    const { dbPath, ctx, call } = appBehindGate();
    const listed = await call('posts.list', {});
    expect(listed.ok).toBe(true);
    expect(listBackups(dbPath)).toEqual([]); // the first screen was served with no backup running
    await ctx.startupBackup;
    expect(listBackups(dbPath).map((b) => b.reason)).toEqual(['daily']);
  });

  it('lets a restore asked for before the gate opened wait for the start-up backup check, then run', async () => {
    const { dbPath, ctx, call } = appBehindGate();
    const manual = await call('backup.create', {});
    expect(manual.ok).toBe(true);
    const name = (manual as { value: { name: string } }).value.name;
    expect(await settled(ctx.startupBackup!)).toBe(false);
    const restored = await call('backup.restore', { name });
    expect(restored.ok).toBe(true);
    expect(await settled(ctx.startupBackup!)).toBe(true);
    // The manual backup already counts as today's: no daily one on top of it.
    expect(listBackups(dbPath).map((b) => b.reason).sort()).toEqual(['before-restore', 'manual']);
  });
});
