import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../../contract/domain/clock.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

/** A logger whose file could not be written: how many lines were lost, and why the last one was. */
export interface LogHealth {
  dropped: number;
  lastError: string | null;
}

/**
 * One JSON line per event in the station's log file, which the technician exports. Personal data never goes in:
 * callers log codes and ids, not names or ID numbers. Writing a log line never throws: a full disk or a removed
 * folder loses the line (counted in `health`), never the call that was being logged — logging happens inside
 * error handling, where a second error would take the station down.
 */
export function fileLogger(file: string, clock: Clock): Logger & { health: LogHealth } {
  const health: LogHealth = { dropped: 0, lastError: null };
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  } catch (error) {
    health.lastError = (error as NodeJS.ErrnoException).code ?? String(error);
  }
  return {
    health,
    log(level, event, fields = {}) {
      try {
        appendFileSync(file, `${JSON.stringify({ t: clock().toISOString(), level, event, ...fields })}\n`);
      } catch (error) {
        health.dropped++;
        health.lastError = (error as NodeJS.ErrnoException).code ?? String(error);
      }
    },
  };
}
