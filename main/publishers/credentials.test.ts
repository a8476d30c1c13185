import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialStore, defaultCredentialStore, keyFileBox, type SecretBox } from './credentials';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-creds-')); dirs.push(d); return d; };

describe('stored application passwords', () => {
  it('seals passwords under an owner-only key file and opens them again in a later run', () => {
    const dir = tmp();
    const a = defaultCredentialStore({ WORKBENCH_SECRETS_DIR: dir });
    a.set('site-1', 'abcd efgh ijkl');
    expect(fs.readFileSync(path.join(dir, 'wordpress-credentials.json'), 'utf8')).not.toContain('abcd');
    expect(fs.statSync(path.join(dir, 'wordpress.key')).mode & 0o777).toBe(0o600);
    const b = defaultCredentialStore({ WORKBENCH_SECRETS_DIR: dir });
    expect(b.get('site-1')).toBe('abcd efgh ijkl');
    b.delete('site-1');
    expect(defaultCredentialStore({ WORKBENCH_SECRETS_DIR: dir }).get('site-1')).toBeNull();
  });

  it('refuses a key file other users can read, and says how to fix it', () => {
    const dir = tmp();
    const key = path.join(dir, 'wordpress.key');
    keyFileBox(key);
    fs.chmodSync(key, 0o644);
    expect(() => keyFileBox(key)).toThrow(/can be read by other users \(mode 644\); run chmod 600/);
  });

  it('uses WORKBENCH_WP_PASSWORD instead of the stored password, and never writes it', () => {
    const dir = tmp();
    const env = { WORKBENCH_SECRETS_DIR: dir, WORKBENCH_WP_PASSWORD: 'from env' };
    const s = defaultCredentialStore(env);
    s.set('site-1', 'from env');
    expect(fs.existsSync(path.join(dir, 'wordpress-credentials.json'))).toBe(false);
    expect(s.get('site-1')).toBe('from env');
  });

  it('says so when the passwords were sealed by another box (the desktop keychain) rather than misreading them', () => {
    const dir = tmp();
    const other: SecretBox = { kind: 'electron-safe-storage', seal: (p) => Buffer.from(p).reverse().toString('base64'), open: (s) => Buffer.from(s, 'base64').reverse().toString() };
    const file = path.join(dir, 'c.json');
    new CredentialStore(file, other, {}).set('site-1', 'secret');
    expect(new CredentialStore(file, other, {}).get('site-1')).toBe('secret');
    expect(() => new CredentialStore(file, keyFileBox(path.join(dir, 'k')), {}).get('site-1')).toThrow(/sealed by electron-safe-storage/);
  });
});
