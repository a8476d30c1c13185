import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyFileVault } from './token-vault';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-vault-'));
  dirs.push(d);
  return d;
};

describe('key file vault', () => {
  it('seals a token so that its bytes do not show, under a 0600 key made once', () => {
    const keyFile = path.join(tmp(), 'sub', 'workspace.key');
    const vault = new KeyFileVault(keyFile);
    const token = 'wbt_secret-token-value';
    const sealed = vault.seal(token);
    expect(sealed.includes(Buffer.from(token))).toBe(false);
    expect(sealed.includes(Buffer.from('secret'))).toBe(false);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(new KeyFileVault(keyFile).open(sealed)).toBe(token);
    expect(vault.seal(token).equals(sealed)).toBe(false);
  });

  it('says what to do when the key is missing or another key', () => {
    const dir = tmp();
    const sealed = new KeyFileVault(path.join(dir, 'a.key')).seal('wbt_x');
    expect(() => new KeyFileVault(path.join(dir, 'missing.key')).open(sealed)).toThrow(/is missing.*join again/);
    new KeyFileVault(path.join(dir, 'b.key')).seal('other');
    expect(() => new KeyFileVault(path.join(dir, 'b.key')).open(sealed)).toThrow(/does not open with the key/);
  });
});
