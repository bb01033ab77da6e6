import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FileKeyProtector } from '../../../electron/core/security/file-key-protector.ts';
import type { KeyProtector } from '../../../electron/core/security/key-protector.ts';
import { loadStationKeys, stationKeyFile } from '../../../electron/core/security/key-store.ts';
import { tempDir } from '../../helpers/tmp.ts';

/** Stands in for the shell's safeStorage protector: some other kind, with its own blob format. */
const otherProtector: KeyProtector = {
  kind: 'safe-storage',
  protect: (plain) => Buffer.from(plain).reverse(),
  unprotect: (blob) => Buffer.from(blob).reverse(),
};

describe('loadStationKeys', () => {
  it('makes the master key once, stores it only wrapped, and loads the same keys after', () => {
    const dataDir = tempDir();
    const keys = loadStationKeys(dataDir, new FileKeyProtector(dataDir));
    const file = stationKeyFile(dataDir);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { format: number; protector: string; blob: string };
    expect(stored).toMatchObject({ format: 1, protector: 'file' });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadStationKeys(dataDir, new FileKeyProtector(dataDir));
    expect(again.current.keyId).toBe(keys.current.keyId);
    expect(again.current.data).toEqual(keys.current.data);
  });

  it('works with any KeyProtector, such as the shell will provide', () => {
    const dataDir = tempDir();
    const keys = loadStationKeys(dataDir, otherProtector);
    expect(loadStationKeys(dataDir, otherProtector).current.keyId).toBe(keys.current.keyId);
  });

  it('refuses a key wrapped by another kind of protector instead of making a new one', () => {
    const dataDir = tempDir();
    loadStationKeys(dataDir, otherProtector);
    const before = readFileSync(stationKeyFile(dataDir));
    expect(() => loadStationKeys(dataDir, new FileKeyProtector(dataDir))).toThrow(
      expect.objectContaining({
        code: 'security.key-protector-mismatch',
        params: expect.objectContaining({ found: 'safe-storage', expected: 'file' }),
      }),
    );
    expect(readFileSync(stationKeyFile(dataDir))).toEqual(before);
  });

  it('says the keys folder was lost when master.key is gone, and does not replace it', () => {
    const dataDir = tempDir();
    const protector = new FileKeyProtector(dataDir);
    loadStationKeys(dataDir, protector);
    rmSync(protector.file);
    expect(() => loadStationKeys(dataDir, new FileKeyProtector(dataDir))).toThrow(
      expect.objectContaining({ code: 'security.key-missing' }),
    );
  });

  it('says the station key cannot be unwrapped when master.key is a different key', () => {
    const dataDir = tempDir();
    const protector = new FileKeyProtector(dataDir);
    loadStationKeys(dataDir, protector);
    writeFileSync(protector.file, Buffer.alloc(32, 9));
    expect(() => loadStationKeys(dataDir, new FileKeyProtector(dataDir))).toThrow(
      expect.objectContaining({ code: 'security.key-unreadable' }),
    );
  });

  it('reports a damaged station key file', () => {
    const dataDir = tempDir();
    loadStationKeys(dataDir, otherProtector);
    writeFileSync(stationKeyFile(dataDir), '{"format":1,"protec');
    expect(() => loadStationKeys(dataDir, otherProtector)).toThrow(
      expect.objectContaining({ code: 'security.key-corrupt' }),
    );
  });
});
