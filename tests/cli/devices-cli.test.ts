import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { CLOCK_ENV } from '../../contract/domain/clock.ts';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../contract/api/devices.ts';
import { encodeReadResponse } from '../../native/idcard/simulator/card-encoder.ts';
import { SerialTransport } from '../../native/idcard/serial-transport.ts';
import { loadProfiles } from '../../native/idcard/simulator/profiles.ts';
import { PtyPair } from '../../native/idcard/simulator/pty-pair.ts';
import { SamSimulator } from '../../native/idcard/simulator/simulator.ts';
import { ensureCupsPdf, PDF_QUEUE } from '../helpers/cups.ts';
import { station } from '../helpers/station-cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const run = promisify(execFile);
const REPO = join(import.meta.dirname, '..', '..');

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
  it('lists the simulated reader and pad, the loaded face model and the real CUPS queue with its role and state', async () => {
    await ensureCupsPdf();
    const dir = tempDir();
    writeFileSync(join(dir, 'station.json'), JSON.stringify({ printers: { a4: PDF_QUEUE } }));
    const r = station(['doctor', '--json', '--simulate', '--data-dir', dir]);
    expect(r.status, r.stderr).toBe(0);
    const { devices: list } = JSON.parse(r.stdout) as { devices: DeviceStatus[] };
    expect(list.filter((d) => d.kind !== 'printer').map((d) => [d.kind, d.simulated, d.state])).toEqual([
      ['idcard', true, 'ready'],
      ['sigpad', true, 'ready'],
      ['face', false, 'ready'],
    ]);
    expect(list.find((d) => d.id === `printer:${PDF_QUEUE}`)).toMatchObject({ simulated: false, state: 'ready', roles: ['a4'] });
  });

  it('says how far the holiday calendar reaches, and warns from 60 days before its end', () => {
    const dir = tempDir();
    const at = (instant: string) => station(['doctor', '--data-dir', dir], { [CLOCK_ENV]: instant, STATION_LANG: 'zh-CN' });
    const calm = at('2026-10-31T10:00:00+08:00');
    expect(calm.status, calm.stderr).toBe(0);
    expect(calm.stdout).toContain('节假日  2025.11.1  官方安排至 2026-12-31');
    expect(calm.stdout).not.toContain('请向乡镇索取');
    const late = station(['doctor', '--json', '--data-dir', dir], { [CLOCK_ENV]: '2026-12-02T10:00:00+08:00' });
    expect(JSON.parse(late.stdout).calendar).toEqual({
      version: '2025.11.1',
      officialThrough: '2026-12-31',
      last: '2040-12-31',
      warnFrom: '2026-11-01',
      warning: true,
    });
    expect(at('2026-12-02T10:00:00+08:00').stdout).toContain('请向乡镇索取下一年的节假日安排（2026-11-01 起提示）');
  });
});

describe('station idcard read', () => {
  it('reads the card on a reader at the far end of a real serial path (the simulator on a socat pty)', async () => {
    const dir = tempDir();
    const pair = await PtyPair.start({ dir });
    const profiles = loadProfiles();
    const simulator = new SamSimulator({ profiles, baud: 115200 });
    simulator.attach(await SerialTransport.open(pair.devicePath));
    const profile = [...profiles.values()][1]!;
    simulator.place(profile.id);
    try {
      // Asynchronous on purpose: the simulator answers from this process's event loop.
      const { stdout } = await run(process.execPath, [join(REPO, 'scripts', 'station.mjs'), 'idcard', 'read', '--port', pair.hostPath, '--json']);
      expect(JSON.parse(stdout)).toMatchObject(profile.card);
      simulator.remove();
      const failed = await run(process.execPath, [join(REPO, 'scripts', 'station.mjs'), 'idcard', 'read', '--port', pair.hostPath]).catch((e: { code: number; stderr: string }) => e);
      expect(failed).toMatchObject({ code: 1 });
      expect((failed as { stderr: string }).stderr).toMatch(/NoCardError|idcard\.no-card/);
    } finally {
      simulator.detach();
      await pair.unplug();
    }
  });
});
