/**
 * A real WordPress for tests and the bench: Debian's `wordpress` package served by `php -S` on
 * loopback, over a private MariaDB (its own data directory and socket, no TCP). Everything lives in
 * one temp folder except the one file Debian's wp-config.php insists on, /etc/wordpress/config-<name>.php,
 * whose name is unique to this instance and which stop() removes. Only the processes started here
 * are ended, by their process group id (each is started with setsid).
 *
 * A must-use plugin gives tests switches without touching WordPress itself: files in the instance's
 * folder turn the REST API off, slow every REST answer down, or make the next N answers fail.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROUTER_PHP, cliPhp, muPluginPhp, wpConfigPhp } from './wordpress-php';

const WP_ROOT = '/usr/share/wordpress';

export interface WpUser {
  login: string;
  id: number;
  /** An application password for the REST API (the login password does not work there). */
  appPassword: string;
}

export interface WordPressServer {
  url: string;
  port: number;
  dir: string;
  admin: WpUser;
  editor: WpUser;
  subscriber: WpUser;
  /** Runs PHP with WordPress loaded (as the admin) and returns what it echoes. */
  php(code: string): string;
  /** Switches in the must-use plugin: see wordpress-php.ts. */
  setSwitch(name: 'rest-off' | 'slow' | 'fail' | 'production' | 'by-host', value: string | null): void;
  /** The <name> of /etc/wordpress/config-<name>.php. */
  configName: string;
  /** Deletes every post, page, picture, comment, tag and category (not users): a clean site between tests. */
  reset(): void;
  /** Ends the web server only (the database stays), as a crash would. */
  killWeb(): Promise<void>;
  startWeb(): Promise<void>;
  stop(): Promise<void>;
}

export function wordpressAvailable(): string | null {
  for (const f of [path.join(WP_ROOT, 'wp-load.php'), '/usr/sbin/mariadbd', '/usr/bin/mariadb-install-db']) {
    if (!fs.existsSync(f)) return `${f} is missing (apt-get install wordpress mariadb-server php-cli php-mysql)`;
  }
  if (spawnSync('php', ['-m']).stdout?.toString().includes('mysqli') !== true) return 'PHP has no mysqli (apt-get install php-mysql)';
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, ms: number, check: () => boolean | Promise<boolean>, proc?: ChildProcess): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc && proc.exitCode !== null) throw new Error(`${what}: the process ended with ${proc.exitCode}`);
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`${what}: not ready after ${ms} ms`);
}

function killGroup(p: ChildProcess | null): Promise<void> {
  if (!p || p.pid === undefined || p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  const pid = p.pid;
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    }, 5000);
    p.once('exit', () => { clearTimeout(t); resolve(); });
    try { process.kill(-pid, 'SIGTERM'); } catch { clearTimeout(t); resolve(); }
  });
}

function logTail(file: string): string {
  try { return fs.readFileSync(file, 'utf8').slice(-2000); } catch { return ''; }
}

export async function startWordPress(opts: { title?: string } = {}): Promise<WordPressServer> {
  const missing = wordpressAvailable();
  if (missing) throw new Error(missing);
  // Short: a Unix socket path must stay under ~100 characters.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wbwp-'));
  const name = `wbtest-${path.basename(dir).slice(5).toLowerCase().replace(/[^a-z0-9]/g, '')}-${process.pid}`;
  const configFile = `/etc/wordpress/config-${name}.php`;
  const sock = path.join(dir, 'my.sock');
  const dataDir = path.join(dir, 'db');
  const content = path.join(dir, 'content');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let db: ChildProcess | null = null;
  let web: ChildProcess | null = null;

  const stopAll = async () => {
    await killGroup(web);
    await killGroup(db);
    fs.rmSync(configFile, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A test run that dies leaves neither a config file nor processes behind.
  const onExit = () => {
    for (const p of [web, db]) if (p?.pid && p.exitCode === null) try { process.kill(-p.pid, 'SIGKILL'); } catch { /* gone */ }
    fs.rmSync(configFile, { force: true });
  };
  process.once('exit', onExit);

  try {
    fs.mkdirSync(path.join(content, 'uploads'), { recursive: true });
    fs.mkdirSync(path.join(content, 'mu-plugins'));
    fs.symlinkSync(path.join(WP_ROOT, 'wp-content', 'themes'), path.join(content, 'themes'));
    fs.symlinkSync(path.join(WP_ROOT, 'wp-content', 'plugins'), path.join(content, 'plugins'));
    fs.writeFileSync(path.join(content, 'mu-plugins', 'workbench-test.php'), muPluginPhp(dir));
    fs.writeFileSync(path.join(dir, 'router.php'), ROUTER_PHP(name, dir, content));

    const init = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${dataDir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr || init.stdout}`);
    db = spawn('/usr/sbin/mariadbd', [
      '--no-defaults', `--datadir=${dataDir}`, `--socket=${sock}`, `--pid-file=${path.join(dir, 'my.pid')}`,
      '--skip-networking', '--user=root', '--innodb-flush-log-at-trx-commit=0', '--innodb-buffer-pool-size=16M',
      '--skip-log-bin', `--log-error=${path.join(dir, 'mariadb.log')}`,
    ], { detached: true, stdio: 'ignore' });
    const mysql = (sql: string) => spawnSync('mariadb', ['--no-defaults', `--socket=${sock}`, '-uroot', '-e', sql], { encoding: 'utf8' });
    await waitFor('MariaDB', 30_000, () => fs.existsSync(sock) && mysql('SELECT 1').status === 0, db).catch((e) => {
      throw new Error(`${e.message}\n${logTail(path.join(dir, 'mariadb.log'))}`);
    });
    const created = mysql('CREATE DATABASE wp CHARACTER SET utf8mb4');
    if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);

    const salt = () => crypto.randomBytes(24).toString('base64');
    fs.writeFileSync(configFile, wpConfigPhp({ dir, sock, content, url, salt }), { mode: 0o644 });

    const env = { ...process.env, PHP_CLI_SERVER_WORKERS: '4' };
    const startWeb = async () => {
      web = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', WP_ROOT, path.join(dir, 'router.php')], {
        detached: true, stdio: ['ignore', 'ignore', fs.openSync(path.join(dir, 'php.log'), 'a')], env,
      });
      const w = web;
      await waitFor('php -S', 20_000, () => new Promise<boolean>((resolve) => {
        const c = net.connect(port, '127.0.0.1', () => { c.destroy(); resolve(true); });
        c.on('error', () => resolve(false));
      }), w).catch((e) => { throw new Error(`${e.message}\n${logTail(path.join(dir, 'php.log'))}`); });
    };

    const runPhp = (code: string, installing = false): string => {
      const file = path.join(dir, `run-${crypto.randomBytes(4).toString('hex')}.php`);
      fs.writeFileSync(file, cliPhp(name, port, code, installing));
      const r = spawnSync('php', [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      fs.rmSync(file, { force: true });
      if (r.status !== 0) throw new Error(`php failed (${r.status}): ${r.stderr}\n${r.stdout.slice(-2000)}`);
      return r.stdout;
    };

    const installed = runPhp(`
      require_once ABSPATH . 'wp-admin/includes/upgrade.php';
      $r = wp_install(${JSON.stringify(opts.title ?? 'Workbench test site')}, 'admin', 'admin@example.test', true, '', wp_generate_password(20));
      $out = [];
      foreach ([['admin', 'administrator'], ['editor', 'editor'], ['subscriber', 'subscriber']] as [$login, $role]) {
        $id = $login === 'admin' ? $r['user_id'] : wp_create_user($login, wp_generate_password(20), "$login@example.test");
        if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
        (new WP_User($id))->set_role($role);
        [$pw] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'workbench']);
        $out[$login] = ['login' => $login, 'id' => $id, 'appPassword' => $pw];
      }
      update_option('comment_moderation', 0);
      update_option('comment_previously_approved', 0);
      update_option('comments_notify', 0);
      update_option('moderation_notify', 0);
      echo json_encode($out);
    `, true);
    const users = JSON.parse(installed.slice(installed.indexOf('{'))) as Record<string, WpUser>;
    await startWeb();

    return {
      url, port, dir, configName: name,
      admin: users.admin!, editor: users.editor!, subscriber: users.subscriber!,
      php: (code) => runPhp(code),
      reset: () => void runPhp(`
        global $wpdb;
        foreach (['posts', 'postmeta', 'comments', 'commentmeta', 'term_relationships'] as $t) $wpdb->query("DELETE FROM {$wpdb->$t}");
        $wpdb->query("DELETE t, tt FROM {$wpdb->terms} t JOIN {$wpdb->term_taxonomy} tt ON tt.term_id = t.term_id WHERE t.term_id <> 1");
        $wpdb->query("UPDATE {$wpdb->term_taxonomy} SET count = 0");
        wp_cache_flush();
      `),
      setSwitch(sw, value) {
        const f = path.join(dir, `switch-${sw}`);
        if (value === null) fs.rmSync(f, { force: true });
        else fs.writeFileSync(f, value);
      },
      killWeb: async () => {
        const w = web;
        if (w?.pid) {
          await new Promise<void>((resolve) => { w.once('exit', () => resolve()); process.kill(-w.pid!, 'SIGKILL'); });
        }
      },
      startWeb,
      stop: async () => {
        process.removeListener('exit', onExit);
        await stopAll();
      },
    };
  } catch (e) {
    process.removeListener('exit', onExit);
    await stopAll();
    throw e;
  }
}
