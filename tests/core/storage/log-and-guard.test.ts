import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/core/event-bus.ts';
import { SyncScheduler } from '../../../electron/core/sync/sync-scheduler.ts';
import { openTestStation } from '../../helpers/station.ts';
import { fileLogger } from '../../../electron/core/log.ts';
import { isDiskFull, StorageGuard } from '../../../electron/core/storage-guard.ts';
import { testClock } from '../../helpers/clock.ts';
import { tempDir } from '../../helpers/tmp.ts';

describe('the log on a full disk', () => {
  it('never throws: a line that cannot be written (a real ENOSPC, from /dev/full) is counted and lost', () => {
    const logger = fileLogger('/dev/full', testClock);
    expect(() => {
      for (let i = 0; i < 3; i++) logger.log('error', 'call.crashed', { i });
    }).not.toThrow();
    expect(logger.health).toEqual({ dropped: 3, lastError: 'ENOSPC' });
  });
});

describe('the storage guard', () => {
  it('refuses new work below its free-space floor and says what takes the room', () => {
    const dir = tempDir();
    const logger = fileLogger(`${dir}/logs/station.log`, testClock);
    logger.log('info', 'x');
    const roomy = new StorageGuard(dir, logger.health, 0);
    expect(() => roomy.assertRoom()).not.toThrow();
    expect(roomy.status()).toMatchObject({ full: false, dataDir: dir, droppedLogLines: 0 });
    expect(roomy.status().logBytes).toBeGreaterThan(0);
    const cramped = new StorageGuard(dir, logger.health, Number.MAX_SAFE_INTEGER);
    expect(() => cramped.assertRoom()).toThrow(expect.objectContaining({ code: 'storage.full' }));
    expect(cramped.status().full).toBe(true);
  });

  it('knows a full disk in the words of Node and of SQLite', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'SQLITE_FULL', 'storage.full']) expect(isDiskFull({ code }), code).toBe(true);
    for (const code of ['EACCES', 'SQLITE_BUSY', undefined]) expect(isDiskFull({ code })).toBe(false);
  });
});

describe('the sync scheduler on a nearly full disk', () => {
  it('starts no round while the guard says full, and tries again once there is room', async () => {
    const station = openTestStation({ dataDir: tempDir(), mode: 'web' });
    const log = `${tempDir()}/sync.log`;
    const logger = fileLogger(log, testClock);
    let floor = Number.MAX_SAFE_INTEGER;
    const guard = { assertRoom: () => new StorageGuard(station.dataDir, logger.health, floor).assertRoom() };
    const scheduler = new SyncScheduler(station.sync, new EventBus(), logger, { intervalMs: 60_000, storage: guard });
    try {
      await scheduler.run();
      expect(scheduler.state).toBe('error');
      floor = 0;
      await scheduler.run();
      // With room the round itself runs again (a round that failed before its first await must not stay "running"):
      // this station is not enrolled, which is the next thing it meets.
      const failures = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; code: string });
      expect(failures.map((f) => [f.event, f.code])).toEqual([['sync.failed', 'storage.full'], ['sync.failed', 'sync.not-enrolled']]);
    } finally {
      await scheduler.stop();
      await station.close();
    }
  });
});
