import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedPublishFixtures } from '../exporters/publish-fixtures';
import { useWordPress } from '../publishers/testing';

const ROOT = path.resolve(__dirname, '../..');
const f = useWordPress('wb-wpcli-');

function cli(args: string[], o: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), 'wordpress', ...args, '--db', f.ctx.dbPath], {
    cwd: ROOT, encoding: 'utf8', input: o.input ?? '',
    env: { ...process.env, WORKBENCH_SECRETS_DIR: path.join(f.dir, 'secrets'), WORKBENCH_WP_PASSWORD: '', ...o.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('workbench wordpress', () => {
  it('connects with the password on standard input, publishes, pulls and previews moderation, each with --json', async () => {
    const fx = seedPublishFixtures(f.ctx.db);
    const refused = cli(['connect', f.wp.url, '--user', 'admin', '--password', 'x']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/shell history/);

    const connected = cli(['connect', f.wp.url, '--user', 'admin', '--json'], { input: `${f.wp.admin.appPassword}\n` });
    expect(connected.stderr).toBe('');
    expect(JSON.parse(connected.stdout)).toMatchObject({ url: f.wp.url, userName: 'admin', canPublish: true });

    const status = JSON.parse(cli(['status', '--json']).stdout);
    expect(status).toMatchObject([{ url: f.wp.url, hasPassword: true }]);

    const pub = JSON.parse(cli(['publish', fx.everySlug, '--status', 'publish', '--json']).stdout);
    expect(pub).toMatchObject({ status: 'publish', created: true, picturesUploaded: 1 });

    f.wp.php(`wp_insert_comment(['comment_post_ID' => ${pub.remoteId}, 'comment_author' => 'Ann', 'comment_content' => 'Hello', 'comment_approved' => 0]);`);
    const pulled = JSON.parse(cli(['pull-comments', '--json']).stdout);
    expect(pulled).toMatchObject({ fetched: 1, imported: 1 });
    f.ctx.db.prepare("UPDATE comments SET status = 'approved' WHERE source = 'wxr'").run();
    const preview = cli(['push-moderation', '--dry-run']);
    expect(preview.stdout).toMatch(/comment \d+ by Ann: pending → approved\n1 changes would be sent \(dry run: nothing was sent\)\./);
    const pushed = cli(['push-moderation']);
    expect(pushed.stdout).toMatch(/1 of 1 changes sent\./);

    // Marked spam there: the next pull says it changed and takes it.
    const ann = Number(f.ctx.db.prepare("SELECT source_id FROM comments WHERE source = 'wxr'").pluck().get());
    f.wp.php(`wp_set_comment_status(${ann}, 'spam');`);
    const changed = cli(['pull-comments']);
    expect(changed.stdout).toBe('1 comments fetched from 1 posts: 0 new, 1 changed in WordPress (1 updated here), 0 unchanged.\n');
    // Decided here and changed there again: a conflict, kept as it is here; exit status 2.
    f.ctx.db.prepare("UPDATE comments SET status = 'trash' WHERE source = 'wxr'").run();
    f.wp.php(`wp_set_comment_status(${ann}, 'approve');`);
    const conflict = cli(['pull-comments']);
    expect(conflict.status).toBe(2);
    expect(conflict.stdout).toContain(`conflict: comment ${ann} was moderated in WordPress since the pull (now approved), and you set it to trash here; kept yours`);
    expect(f.ctx.db.prepare("SELECT status FROM comments WHERE source = 'wxr'").pluck().get()).toBe('trash');
  }, 300_000);

  it('exits 2 with the reason when WordPress refuses the login', () => {
    const r = cli(['connect', f.wp.url, '--user', 'admin'], { env: { WORKBENCH_WP_PASSWORD: 'wrong wrong wrong' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refused the user name or application password \(401\)/);
  }, 60_000);
});
