import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../contract/api/sync.ts';
import { clockReading } from '../../contract/domain/clock.ts';
import { startTownship } from '../../scripts/lib/township.ts';
import { tempDir } from '../helpers/tmp.ts';

const health = async (url: string) => {
  const res = await fetch(new URL(SYNC_PATHS.health, url));
  return { status: res.status, json: (await res.json()) as { status: string; serverTime: string } };
};

/** Whether a process with this pid still exists (signal 0 only checks). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('township launcher', () => {
  it('in this process: answers /health by the injected clock, and stop closes it and removes its data', async () => {
    const at = new Date('2027-03-01T02:00:00Z');
    const township = await startTownship({ clock: () => at });
    const { status, json } = await health(township.url);
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 'ok', serverTime: at.toISOString() });
    expect((await township.admin('GET', '/v1/admin/stations')).json).toEqual([]);
    await township.stop();
    await expect(fetch(new URL(SYNC_PATHS.health, township.url))).rejects.toThrow();
    expect(existsSync(township.dataDir)).toBe(false);
  });

  it('as a child process: answers /health on its clock from DOORSTEP_CLOCK, and stop leaves no process', async () => {
    const dir = tempDir('township-launcher-');
    const township = await startTownship({ mode: 'child', dataDir: join(dir, 'data'), logFile: join(dir, 'township.log'), clockEnv: clockReading(new Date('2027-03-01T02:00:00Z')).value });
    const pid = township.pid!;
    expect(alive(pid)).toBe(true);
    const { status, json } = await health(township.url);
    expect(status).toBe(200);
    expect(json.serverTime.slice(0, 13)).toBe('2027-03-01T02');
    expect(await township.code()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await township.stop();
    expect(township.running).toBe(false);
    expect(alive(pid)).toBe(false);
    await expect(fetch(new URL(SYNC_PATHS.health, township.url))).rejects.toThrow();
  });
});
