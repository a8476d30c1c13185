/**
 * `workbench sync-server migrate-store` from a real SQLite file to a real PostgreSQL started by
 * this test: everything moves, the comparison is printed, a non-empty target is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberForToken } from './members';
import { PgStore } from './pg-store';
import { TeamStore } from './store';
import { compareSummaries, summarize } from './store-check';
import { usePostgresSuite } from './testing/postgres-suite';
import { contents, makeSampleTeam, SAMPLE_DOCUMENTS } from './testing/sample-team';
import { cli } from './testing/team-process';

const suite = usePostgresSuite('wb-migrate-');
const { tempDir } = suite;

describe('migrate-store', { timeout: 120_000 }, () => {
  it('moves documents, members and token hashes to PostgreSQL, and prints a matching count and checksum', async () => {
    const dir = tempDir();
    const { tokens } = await makeSampleTeam(dir);
    const url = await suite.postgres().createDatabase('moved');
    const r = cli(['migrate-store', '--from-sqlite', dir, '--postgres', url]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`documents: ${SAMPLE_DOCUMENTS} in ${path.join(dir, 'team.sqlite')}, ${SAMPLE_DOCUMENTS} in postgres://postgres:***@`);
    expect(r.stdout).toContain('members: 3 in');
    expect(r.stdout).toMatch(/^OK: every document's checksum matches/m);
    expect(r.stdout).not.toContain(new URL(url).password);

    const source = new TeamStore(dir);
    const target = await PgStore.open(url);
    try {
      expect(await contents(target)).toEqual(await contents(source));
      expect((await memberForToken(target, tokens[0]))?.name).toBe('Ann Admin');
      expect(await memberForToken(target, tokens[2])).toBeNull();

      // A second run finds the target holding a team: it refuses and changes nothing.
      const before = await summarize(target);
      const again = cli(['migrate-store', '--from-sqlite', dir, '--postgres', url]);
      expect(again.status).not.toBe(0);
      expect(again.stderr).toMatch(/already holds team data \(\d+ stored document parts, 3 members\); nothing was copied\. Add --replace/);
      expect(compareSummaries(before, await summarize(target), ['before', 'after']).ok).toBe(true);
      const replaced = cli(['migrate-store', '--from-sqlite', dir, '--postgres', url, '--replace']);
      expect(replaced.status).toBe(0);
      expect(replaced.stdout).toMatch(/^OK:/m);
    } finally {
      source.close();
      await target.close();
    }
  });

  it('says what is missing, and creates nothing, when the folder holds no team file', async () => {
    const dir = tempDir();
    const r = cli(['migrate-store', '--from-sqlite', dir, '--postgres', suite.postgres().url]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${path.join(dir, 'team.sqlite')} does not exist`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reports every document that differs, and a mismatch as not OK', async () => {
    const dir = tempDir();
    await makeSampleTeam(dir);
    const store = new TeamStore(dir);
    try {
      const expected = await summarize(store);
      const name = Object.keys(expected.checksums)[3];
      const other = 'post/only-in-one';
      const changed = await summarize(store);
      changed.checksums[name] = '0'.repeat(64);
      changed.checksums[other] = 'x';
      changed.documents++;
      const c = compareSummaries(expected, changed, ['source', 'target']);
      expect(c.ok).toBe(false);
      expect(c.lines).toContain(`only in target: ${other}`);
      expect(c.lines).toContainEqual(expect.stringMatching(new RegExp(`^checksum differs: ${name} \\(\\w{12} in source, 000000000000 in target\\)$`)));
      expect(c.lines.at(-1)).toMatch(/^MISMATCH: 2 difference/);
    } finally {
      store.close();
    }
  });
});
