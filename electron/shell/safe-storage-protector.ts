import { safeStorage } from 'electron';
import { StationError } from '../../contract/domain/errors.ts';
import type { KeyProtector } from '../core/security/key-protector.ts';

class InsecureKeyStoreError extends StationError {
  constructor(backend: string) {
    super('security.insecure-key-store', `the OS key store is ${backend}, which protects nothing`, { params: { backend } });
  }
}

/** Wraps the station key with the OS key store (DPAPI, Keychain, Secret Service) through Electron's safeStorage. */
export function safeStorageProtector(): KeyProtector {
  // On Linux without a keyring, safeStorage falls back to a fixed password: refuse rather than pretend.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw new InsecureKeyStoreError('basic_text');
  }
  if (!safeStorage.isEncryptionAvailable()) throw new InsecureKeyStoreError('unavailable');
  return {
    kind: 'safe-storage',
    protect: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unprotect: (blob) => Buffer.from(safeStorage.decryptString(blob), 'base64'),
  };
}
