/**
 * The desktop app seals the workspace token with the system keychain (Keychain, DPAPI, libsecret)
 * through Electron's safeStorage, behind the same TokenVault as the CLI's key file.
 */
import { safeStorage } from 'electron';
import { AppError } from '../../common/errors';
import type { TokenVault } from '../sync/token-vault';

export const safeStorageVault: TokenVault = {
  seal(token) {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError('INTERNAL', 'This system offers no keychain to protect the workspace token; join from the command line (`workbench workspace join`) instead.');
    }
    return safeStorage.encryptString(token);
  },
  open(sealed) {
    return safeStorage.decryptString(sealed);
  },
};
