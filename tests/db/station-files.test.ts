import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestStation } from '../helpers/station.ts';
import { testClock } from '../helpers/clock.ts';
import { intakeFor, validForm } from '../helpers/intake.ts';
import { station as cli } from '../helpers/station-cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const open = (dataDir: string) => openTestStation({ dataDir, mode: 'web', clock: testClock });
const mode = (path: string) => statSync(path).mode & 0o777;

/** A station that has taken cases in, closed. */
async function usedStation(): Promise<string> {
  const dir = join(tempDir(), 'data');
  const s = open(dir);
  const aid = s.catalog.current().matters.find((m) => m.name === '医疗救助申请')!;
  for (let i = 0; i < 40; i++) s.cases.intake(intakeFor(aid, s.attachments, validForm(aid, '2026-12-02')), null);
  await s.close();
  return dir;
}

describe('a damaged data directory', () => {
  it('an empty station.db beside the keys is refused, never a new station, and stays as it was', async () => {
    const dir = await usedStation();
    writeFileSync(join(dir, 'station.db'), '');
    rmSync(join(dir, 'station.db-wal'), { force: true });
    expect(() => open(dir)).toThrow(expect.objectContaining({ code: 'db.missing', params: { file: join(dir, 'station.db') } }));
    expect(statSync(join(dir, 'station.db')).size).toBe(0);
    // The technician sees it from the command line too: one line with what to do, exit 1.
    const r = cli(['doctor', '--data-dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/db\.missing.*从备份恢复 station\.db/);
  });

  it('random bytes in the middle of station.db are a typed refusal that leaves the file as it is', async () => {
    const dir = await usedStation();
    const file = join(dir, 'station.db');
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    const junk = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) & 255));
    writeSync(fd, junk, 0, junk.length, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const before = readFileSync(file);
    expect(() => open(dir)).toThrow(expect.objectContaining({ code: 'db.corrupt' }));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a database with data but no key file is refused: a fresh key would orphan every sealed value', async () => {
    const dir = await usedStation();
    rmSync(join(dir, 'keys'), { recursive: true });
    expect(() => open(dir)).toThrow(expect.objectContaining({ code: 'security.key-missing' }));
  });
});

describe('file modes', () => {
  it('keep the data directory and the database to their owner alone, tightening an old 0755 directory', async () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const s = open(dir);
    await s.close();
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'station.db'))).toBe(0o600);
    expect(mode(join(dir, 'keys'))).toBe(0o700);
  });
});
