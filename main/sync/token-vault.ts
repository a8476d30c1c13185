/**
 * Sealing the member's token before it goes into the SQLite file, so that the file, its backups
 * and anything copied from it never hold the token in clear text. The desktop app seals with the
 * system keychain (Electron's safeStorage, main/electron/safe-storage-vault.ts); the CLI and
 * browser mode seal with AES-256-GCM under a random key kept in a 0600 file outside the database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { userDataDir } from '../paths';

export interface TokenVault {
  seal(token: string): Buffer;
  open(sealed: Buffer): string;
}

/** WORKBENCH_KEY_FILE, else `workspace.key` in the user-data folder (never beside a copied database). */
export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.WORKBENCH_KEY_FILE ? path.resolve(env.WORKBENCH_KEY_FILE) : path.join(userDataDir(env), 'workspace.key');
}

const MAGIC = Buffer.from('wbk1');

export class KeyFileVault implements TokenVault {
  constructor(private readonly keyFile = defaultKeyFile()) {}

  private key(create: boolean): Buffer {
    try {
      const key = fs.readFileSync(this.keyFile);
      if (key.length !== 32) throw new AppError('BAD_INPUT', `${this.keyFile} is not a workspace key (32 bytes expected, found ${key.length}).`);
      return key;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !create) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new AppError('NOT_FOUND', `The workspace key ${this.keyFile} is missing, so the stored token cannot be read: leave the workspace and join again with a new invitation.`);
        }
        throw err;
      }
      fs.mkdirSync(path.dirname(this.keyFile), { recursive: true, mode: 0o700 });
      const key = crypto.randomBytes(32);
      // 'wx': two processes creating it at once must not overwrite each other's key.
      try {
        fs.writeFileSync(this.keyFile, key, { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return this.key(false);
        throw e;
      }
      return key;
    }
  }

  seal(token: string): Buffer {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key(true), iv);
    const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): string {
    if (!sealed.subarray(0, 4).equals(MAGIC)) throw new AppError('BAD_INPUT', 'The stored workspace token was sealed by the desktop app\'s keychain, not by a key file: open the workspace from the desktop app, or join again here.');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key(false), sealed.subarray(4, 16));
    decipher.setAuthTag(sealed.subarray(16, 32));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]).toString('utf8');
    } catch {
      throw new AppError('BAD_INPUT', `The stored workspace token does not open with the key in ${this.keyFile} (another key?): leave the workspace and join again.`);
    }
  }
}

let vault: TokenVault | undefined;

/** The desktop app swaps in the keychain at start; the CLI and browser mode use the key file. */
export function setTokenVault(v: TokenVault): void {
  vault = v;
}

export function tokenVault(): TokenVault {
  vault ??= new KeyFileVault();
  return vault;
}
