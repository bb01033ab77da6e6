import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileOnce } from '../../../electron/core/security/atomic-file.ts';
import { FileKeyProtector } from '../../../electron/core/security/file-key-protector.ts';
import { tempDir } from '../../helpers/tmp.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const secret = Buffer.from('a station master key, 32 bytes..');

describe.skipIf(process.platform === 'win32')('FileKeyProtector', () => {
  it('makes a 32-byte key, mode 0600 in a 0700 folder, on first use and round-trips with it', () => {
    const dataDir = tempDir();
    const protector = new FileKeyProtector(dataDir);
    const blob = protector.protect(secret);
    expect(modeOf(protector.file)).toBe(0o600);
    expect(modeOf(join(dataDir, 'keys'))).toBe(0o700);
    expect(readFileSync(protector.file)).toHaveLength(32);
    expect(blob.includes(secret)).toBe(false);
    expect(protector.unprotect(blob)).toEqual(secret);
    expect(readdirSync(join(dataDir, 'keys'))).toEqual(['master.key']);
  });

  it('reuses an existing key rather than making a new one', () => {
    const dataDir = tempDir();
    const blob = new FileKeyProtector(dataDir).protect(secret);
    const key = readFileSync(join(dataDir, 'keys', 'master.key'));
    const again = new FileKeyProtector(dataDir);
    expect(again.unprotect(blob)).toEqual(secret);
    again.protect(secret);
    expect(readFileSync(again.file)).toEqual(key);
  });

  it('refuses a key file that others can read, naming the file and its mode', () => {
    const dataDir = tempDir();
    const first = new FileKeyProtector(dataDir);
    const blob = first.protect(secret);
    chmodSync(first.file, 0o644);
    const protector = new FileKeyProtector(dataDir);
    expect(() => protector.unprotect(blob)).toThrow(expect.objectContaining({ code: 'security.key-permissions' }));
    expect(() => protector.protect(secret)).toThrow(
      expect.objectContaining({ params: { file: first.file, mode: '0644' } }),
    );
    chmodSync(first.file, 0o640);
    expect(() => new FileKeyProtector(dataDir).unprotect(blob)).toThrow(
      expect.objectContaining({ code: 'security.key-permissions' }),
    );
  });

  it('does not make a key to unwrap with: a missing key file is an error', () => {
    const dataDir = tempDir();
    const protector = new FileKeyProtector(dataDir);
    expect(() => protector.unprotect(Buffer.from('DKP1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'))).toThrow(
      expect.objectContaining({ code: 'security.key-missing' }),
    );
    expect(() => statSync(protector.file)).toThrow();
  });

  it('refuses a key file of the wrong size', () => {
    const dataDir = tempDir();
    const protector = new FileKeyProtector(dataDir);
    protector.protect(secret);
    writeFileSync(protector.file, Buffer.alloc(10));
    expect(() => new FileKeyProtector(dataDir).protect(secret)).toThrow(
      expect.objectContaining({ code: 'security.key-corrupt' }),
    );
  });

  it('reports a changed blob as tampered', () => {
    const protector = new FileKeyProtector(tempDir());
    const blob = protector.protect(secret);
    for (const i of [0, 5, blob.length - 1]) {
      const bad = Buffer.from(blob);
      bad[i]! ^= 0x01;
      expect(() => protector.unprotect(bad)).toThrow(expect.objectContaining({ code: 'security.tampered' }));
    }
  });

  it('ignores a temp file left by a crash and leaves none of its own', () => {
    const dataDir = tempDir();
    const keys = join(dataDir, 'keys');
    // What a crash before the link leaves: a half-written temp file and no key.
    mkdirSync(keys, { mode: 0o700 });
    const stale = 'master.key.4242-0123456789ab.tmp';
    writeFileSync(join(keys, stale), Buffer.alloc(7, 1), { mode: 0o644 });
    const protector = new FileKeyProtector(dataDir);
    const blob = protector.protect(secret);
    expect(readFileSync(protector.file)).toHaveLength(32);
    expect(modeOf(protector.file)).toBe(0o600);
    expect(new FileKeyProtector(dataDir).unprotect(blob)).toEqual(secret);
    expect(readdirSync(keys).sort()).toEqual(['master.key', stale]);
  });
});

describe('createFileOnce', () => {
  it('writes the whole file with the mode asked for, through a temp file it removes', () => {
    const dir = tempDir();
    const path = join(dir, 'k');
    expect(createFileOnce(path, Buffer.from('whole'), 0o600)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('whole');
    if (process.platform !== 'win32') expect(modeOf(path)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['k']);
  });

  it('never replaces a file that is already there, so a racing second creator adopts the first key', () => {
    const dir = tempDir();
    const path = join(dir, 'k');
    createFileOnce(path, Buffer.from('first'), 0o600);
    expect(createFileOnce(path, Buffer.from('second'), 0o600)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['k']);
  });

  it('is not confused by a stale temp file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'k.1-000000000000.tmp'), 'half');
    expect(createFileOnce(join(dir, 'k'), Buffer.from('whole'), 0o600)).toBe(true);
    expect(readFileSync(join(dir, 'k'), 'utf8')).toBe('whole');
  });
});
