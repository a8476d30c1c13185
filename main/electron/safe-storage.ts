/**
 * The desktop app seals application passwords with Electron's safeStorage (the system keychain,
 * DPAPI or libsecret) instead of the key file browser mode and the CLI use. When the system offers
 * no encryption (a Linux session without a keyring), the key file stays in use.
 */
import { safeStorage } from 'electron';
import type { SecretBox } from '../publishers/credentials';

export function safeStorageBox(): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    kind: 'electron-safe-storage',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
