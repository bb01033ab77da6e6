import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../electron/contract/devices.ts';
import { encodeReadResponse } from '../../native/idcard/simulator/card-encoder.ts';
import { loadProfiles } from '../../native/idcard/simulator/profiles.ts';
import { station } from '../helpers/station-cli.ts';
import { tempDir } from '../helpers/tmp.ts';

describe('station idcard decode', () => {
  it('round-trips every simulator profile, from hex text and from binary', () => {
    const dir = tempDir();
    for (const profile of loadProfiles().values()) {
      const bytes = encodeReadResponse(profile);
      const hex = join(dir, `${profile.id}.hex`);
      // Hex as a technician pastes it: spaced, wrapped.
      writeFileSync(hex, bytes.toString('hex').replace(/(..)/g, '$1 ').replace(/(.{48})/g, '$1\n'));
      const bin = join(dir, `${profile.id}.bin`);
      writeFileSync(bin, bytes);
      for (const file of [hex, bin]) {
        const r = station(['idcard', 'decode', file, '--json']);
        expect(r.status, `${profile.id}: ${r.stderr}`).toBe(0);
        const card = JSON.parse(r.stdout);
        expect(card).toMatchObject(profile.card);
        expect(card.photo).toEqual({ format: 'wlt', bytes: 1024 });
      }
    }
  });

  it('a corrupt frame exits 2 with the typed error name on stderr', () => {
    const dir = tempDir();
    const bytes = encodeReadResponse([...loadProfiles().values()][0]!);
    bytes[200] = bytes[200]! ^ 0x01;
    const file = join(dir, 'corrupt.bin');
    writeFileSync(file, bytes);
    const r = station(['idcard', 'decode', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ChecksumError/);
    expect(r.stdout).toBe('');
    writeFileSync(join(dir, 'odd.hex'), 'aa aa a');
    expect(station(['idcard', 'decode', join(dir, 'odd.hex')]).status).toBe(2);
  });
});

describe('station doctor', () => {
  it('lists every simulated device with role and state', () => {
    const r = station(['doctor', '--json', '--simulate', '--data-dir', tempDir()]);
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as DeviceStatus[];
    expect(list.map((d) => d.kind).sort()).toEqual(['idcard', 'printer', 'printer', 'printer', 'sigpad']);
    expect(list.every((d) => d.simulated && d.state === 'ready')).toBe(true);
  });
});
