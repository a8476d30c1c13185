import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { configureSpellcheck, prepareSpellcheck } from './spellcheck';

/** A stand-in for Electron's Session with only the spellcheck calls, recording what was set. */
function fakeSession(available: string[] = ['en-GB', 'en-US', 'fr']) {
  const calls: { enabled?: boolean; url?: string; languages?: string[]; events: string[] } = { events: [] };
  const s = {
    availableSpellCheckerLanguages: available,
    setSpellCheckerEnabled: (v: boolean) => (calls.enabled = v),
    setSpellCheckerDictionaryDownloadURL: (u: string) => {
      if (calls.languages) throw new Error('the download URL must be set before the languages');
      calls.url = u;
    },
    setSpellCheckerLanguages: (l: string[]) => (calls.languages = l),
    on: (event: string) => calls.events.push(event),
  };
  return { session: s as unknown as Session, calls };
}

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-spell-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('spellcheck set-up', () => {
  it('installs the bundled en-GB dictionary where Chromium looks and points downloads at the bundle', () => {
    const bundle = path.join(dir, 'dictionaries');
    fs.mkdirSync(bundle);
    fs.writeFileSync(path.join(bundle, 'en-GB-10-1.bdic'), 'BDic fake');
    const { session, calls } = fakeSession();
    const setup = configureSpellcheck(session, { dictionariesDir: bundle, userDataDir: path.join(dir, 'user'), platform: 'linux' });
    expect(setup).toMatchObject({ installed: ['en-GB-10-1.bdic'], missing: [], languages: ['en-GB'] });
    expect(fs.readFileSync(path.join(dir, 'user', 'Dictionaries', 'en-GB-10-1.bdic'), 'utf8')).toBe('BDic fake');
    expect(calls).toMatchObject({ enabled: true, url: `${pathToFileURL(bundle).href}/`, languages: ['en-GB'] });
    expect(calls.url).not.toMatch(/^https?:/);
    expect(calls.events).toContain('spellcheck-dictionary-download-failure');
  });

  it('without a bundled dictionary it says so and still never points at the network', () => {
    const logged: string[] = [];
    const { session, calls } = fakeSession();
    const setup = configureSpellcheck(session, { dictionariesDir: path.join(dir, 'none'), userDataDir: dir, platform: 'win32', log: (m) => logged.push(m) });
    expect(setup.missing).toEqual(['en-GB']);
    expect(calls.url).toMatch(/^file:/);
    expect(logged.join('\n')).toMatch(/no bundled dictionary for en-GB/);
    expect(fs.existsSync(path.join(dir, 'Dictionaries'))).toBe(false);
  });

  it('leaves languages to the system on macOS', () => {
    const { session, calls } = fakeSession();
    configureSpellcheck(session, { dictionariesDir: dir, userDataDir: dir, platform: 'darwin' });
    expect(calls.languages).toBeUndefined();
    expect(calls.enabled).toBe(true);
  });

  it('before the window loads, only switches spellcheck off and points downloads at the bundle', () => {
    const bundle = path.join(dir, 'dictionaries');
    const { session, calls } = fakeSession();
    prepareSpellcheck(session, { dictionariesDir: bundle });
    expect(calls).toEqual({ enabled: false, url: `${pathToFileURL(bundle).href}/`, events: [] });
    expect(fs.existsSync(path.join(dir, 'Dictionaries'))).toBe(false); // no copying on the start-up path
  });
});
