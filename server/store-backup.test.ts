/**
 * `sync-server backup` and `restore` on both stores, through the CLI: SQLite's online backup API
 * and pg_dump's custom format (on a real PostgreSQL started here), each restore checked by count
 * and checksum, a tampered backup reported and exiting 1, and no token in any backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateStore } from './migrate-store';
import { PgStore } from './pg-store';
import { TeamStore } from './store';
import { usePostgresSuite } from './testing/postgres-suite';
import { contents, makeSampleTeam, SAMPLE_DOCUMENTS } from './testing/sample-team';
import { cli } from './testing/team-process';

const suite = usePostgresSuite('wb-backup-');
const { tempDir } = suite;

function expectNoToken(file: string, tokens: string[]) {
  const bytes = fs.readFileSync(file).toString('latin1');
  for (const t of tokens) expect(bytes.includes(t), `a token in ${file}`).toBe(false);
}

/** Changes one document's recorded checksum, as a damaged or mismatched backup would show. */
function tamper(checkFile: string): string {
  const check = JSON.parse(fs.readFileSync(checkFile, 'utf8')) as { checksums: Record<string, string> };
  const name = Object.keys(check.checksums)[0];
  check.checksums[name] = '0'.repeat(64);
  fs.writeFileSync(checkFile, JSON.stringify(check));
  return name;
}

describe('backup and restore', { timeout: 180_000 }, () => {
  it('backs up the SQLite file with the online backup API and restores it, checked by count and checksum', async () => {
    const dir = tempDir();
    const { tokens } = await makeSampleTeam(dir);
    const out = path.join(tempDir(), 'team-backup.sqlite');
    const b = cli(['backup', '--data', dir, '--out', out]);
    expect(b.stderr).toBe('');
    expect(b.stdout).toContain(`Backed up the team server's data to ${out} (${SAMPLE_DOCUMENTS} documents, 3 members; checksums in ${out}.check.json)`);
    expectNoToken(out, tokens);
    expect(cli(['backup', '--data', dir, '--out', out]).stderr).toContain('already exists');

    const restored = tempDir();
    const r = cli(['restore', '--from', out, '--data', restored]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`documents: ${SAMPLE_DOCUMENTS} in ${out}, ${SAMPLE_DOCUMENTS} in ${restored}`);
    expect(r.stdout).toMatch(/^OK: every document's checksum matches/m);
    const a = new TeamStore(dir);
    const c = new TeamStore(restored);
    try {
      expect(await contents(c)).toEqual(await contents(a));
      expect(c.members()).toEqual(a.members());
    } finally {
      a.close();
      c.close();
    }

    // A store holding data is replaced only when asked; a backup that does not match is reported.
    expect(cli(['restore', '--from', out, '--data', restored]).stderr).toMatch(/team\.sqlite already exists; nothing was changed\. Add --replace/);
    const name = tamper(`${out}.check.json`);
    const bad = cli(['restore', '--from', out, '--data', restored, '--replace']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`checksum differs: ${name} (000000000000 in ${out}`);
    expect(bad.stdout).toMatch(/^MISMATCH: 1 difference/m);
    // A SQLite backup does not go into PostgreSQL.
    expect(cli(['restore', '--from', out, '--postgres', suite.postgres().url]).stderr).toMatch(/is a backup of a SQLite file; restore it into the same kind of store/);
  });

  it('backs up PostgreSQL with pg_dump on the snapshot it checksums, and restores it into an empty database', async () => {
    const dir = tempDir();
    const { tokens } = await makeSampleTeam(dir);
    const url = await suite.postgres().createDatabase('live');
    expect((await migrateStore(dir, url, { replace: false })).ok).toBe(true);
    const out = path.join(tempDir(), 'team.dump');
    const b = cli(['backup', '--postgres', url, '--out', out]);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('PGDMP');
    expectNoToken(out, tokens);
    expect(JSON.parse(fs.readFileSync(`${out}.check.json`, 'utf8'))).toMatchObject({ kind: 'postgres', documents: SAMPLE_DOCUMENTS, members: 3 });

    const fresh = await suite.postgres().createDatabase('restored');
    const r = cli(['restore', '--from', out, '--postgres', fresh]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^OK: every document's checksum matches/m);
    const live = await PgStore.open(url);
    const copy = await PgStore.open(fresh);
    try {
      expect(await contents(copy)).toEqual(await contents(live));
      expect(await copy.members()).toEqual(await live.members());
    } finally {
      await live.close();
      await copy.close();
    }
    expect(cli(['restore', '--from', out, '--postgres', fresh]).stderr).toMatch(/already holds team data; nothing was changed\. Add --replace/);
    tamper(`${out}.check.json`);
    const bad = cli(['restore', '--from', out, '--postgres', fresh, '--replace']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^MISMATCH: 1 difference/m);
  });
});
