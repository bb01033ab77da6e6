import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../../contract/domain/clock.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

/**
 * One JSON line per event in the station's log file, which the technician exports. Personal data never goes in:
 * callers log codes and ids, not names or ID numbers.
 */
export function fileLogger(file: string, clock: Clock): Logger {
  mkdirSync(dirname(file), { recursive: true });
  return {
    log(level, event, fields = {}) {
      appendFileSync(file, `${JSON.stringify({ t: clock().toISOString(), level, event, ...fields })}\n`);
    },
  };
}
