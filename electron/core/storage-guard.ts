import { statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StationError } from '../../contract/domain/errors.ts';
import type { LogHealth } from './log.ts';

/** Below this much free space the station takes nothing new in: a case half written is worse than none. */
export const MIN_FREE_BYTES = 8 << 20;

export class StorageFullError extends StationError {
  constructor(freeBytes: number) {
    super('storage.full', `the data directory has ${freeBytes} bytes free`, { params: { freeMb: Math.floor(freeBytes / (1 << 20)) }, kind: 'failure' });
  }
}

/** Whether an error says the disk is full, in Node's words or SQLite's. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'storage.full';
}

export interface StorageStatus {
  full: boolean;
  freeBytes: number;
  dataDir: string;
  databaseBytes: number;
  logBytes: number;
  /** Log lines lost because the log could not be written. */
  droppedLogLines: number;
}

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * The data directory's room, looked at before anything new is written. A full disk stops intake with a clear
 * message and nothing half written; guides, search and what is already there keep working.
 */
export class StorageGuard {
  constructor(
    private readonly dataDir: string,
    private readonly logHealth: LogHealth,
    private readonly minFreeBytes = MIN_FREE_BYTES,
  ) {}

  freeBytes(): number {
    const s = statfsSync(this.dataDir);
    return s.bavail * s.bsize;
  }

  /** Throws 'storage.full' when there is no room for new work. */
  assertRoom(): void {
    const free = this.freeBytes();
    if (free < this.minFreeBytes) throw new StorageFullError(free);
  }

  status(): StorageStatus {
    const freeBytes = this.freeBytes();
    return {
      full: freeBytes < this.minFreeBytes,
      freeBytes,
      dataDir: this.dataDir,
      databaseBytes: sizeOf(join(this.dataDir, 'station.db')) + sizeOf(join(this.dataDir, 'station.db-wal')),
      logBytes: sizeOf(join(this.dataDir, 'logs', 'station.log')),
      droppedLogLines: this.logHealth.dropped,
    };
  }
}
