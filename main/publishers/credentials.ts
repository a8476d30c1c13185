/**
 * Application passwords, kept out of the SQLite file (and so out of its backups and exports).
 * They sit in their own owner-only file, each sealed by a SecretBox: Electron's safeStorage in the
 * desktop app (main/electron/safe-storage.ts), or AES-256-GCM with a random key in an owner-only
 * (0600) key file in browser mode and the CLI. WORKBENCH_WP_PASSWORD, when set, is used instead of
 * anything stored (for scripts and CI), and is never written anywhere.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { userDataDir } from '../paths';

export interface SecretBox {
  /** Named in the credentials file, so a file sealed by another box is recognised, not misread. */
  readonly kind: string;
  seal(plain: string): string;
  open(sealed: string): string;
}

export const KEY_FILE = 'wordpress.key';
export const CREDENTIALS_FILE = 'wordpress-credentials.json';

/** Where the key and credentials files live: WORKBENCH_SECRETS_DIR, else the app's user-data folder. */
export function secretsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.WORKBENCH_SECRETS_DIR ? path.resolve(env.WORKBENCH_SECRETS_DIR) : userDataDir(env);
}

function writePrivate(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** AES-256-GCM under a random key kept in an owner-only file; a key file others can read is refused. */
export function keyFileBox(file: string): SecretBox {
  let key: Buffer;
  if (fs.existsSync(file)) {
    const mode = fs.statSync(file).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new AppError('FORBIDDEN', `${file} can be read by other users (mode ${mode.toString(8)}); run chmod 600 on it, then try again.`);
    }
    key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new AppError('BAD_INPUT', `${file} does not hold a 256-bit key; delete it and connect the sites again.`);
  } else {
    key = crypto.randomBytes(32);
    writePrivate(file, `${key.toString('base64')}\n`);
  }
  return {
    kind: 'keyfile-aes-256-gcm',
    seal(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      try {
        return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
      } catch {
        throw new AppError('FORBIDDEN', `A stored application password cannot be opened with ${file} (the key changed). Connect the site again.`);
      }
    },
  };
}

interface StoredFile {
  version: 1;
  box: string;
  entries: Record<string, string>;
}

export class CredentialStore {
  constructor(private readonly file: string, private readonly box: SecretBox, private readonly env: NodeJS.ProcessEnv = process.env) {}

  private read(): StoredFile {
    if (!fs.existsSync(this.file)) return { version: 1, box: this.box.kind, entries: {} };
    const f = JSON.parse(fs.readFileSync(this.file, 'utf8')) as StoredFile;
    return f;
  }

  /** The password for a site: WORKBENCH_WP_PASSWORD first, then the stored one; null when neither. */
  get(siteId: string): string | null {
    if (this.env.WORKBENCH_WP_PASSWORD) return this.env.WORKBENCH_WP_PASSWORD;
    const f = this.read();
    const sealed = f.entries[siteId];
    if (!sealed) return null;
    if (f.box !== this.box.kind) throw new AppError('FORBIDDEN', `The stored application passwords were sealed by ${f.box}, not ${this.box.kind}. Connect the site again here.`);
    return this.box.open(sealed);
  }

  set(siteId: string, password: string): void {
    // The environment's password is a stand-in for one run: never persisted.
    if (this.env.WORKBENCH_WP_PASSWORD && password === this.env.WORKBENCH_WP_PASSWORD) return;
    const f = this.read();
    if (f.box !== this.box.kind) f.entries = {};
    f.box = this.box.kind;
    f.entries[siteId] = this.box.seal(password);
    writePrivate(this.file, JSON.stringify(f, null, 1));
  }

  delete(siteId: string): void {
    const f = this.read();
    if (!(siteId in f.entries)) return;
    delete f.entries[siteId];
    writePrivate(this.file, JSON.stringify(f, null, 1));
  }
}

/** The store browser mode and the CLI use: the key file and the credentials file in secretsDir(). */
export function defaultCredentialStore(env: NodeJS.ProcessEnv = process.env, box?: SecretBox): CredentialStore {
  const dir = secretsDir(env);
  return new CredentialStore(path.join(dir, CREDENTIALS_FILE), box ?? keyFileBox(path.join(dir, KEY_FILE)), env);
}
