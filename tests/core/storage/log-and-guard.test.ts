import { describe, expect, it } from 'vitest';
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
