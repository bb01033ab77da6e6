import type { DeviceStatus } from '../../contract/api/devices.ts';
import { StationError } from '../../contract/domain/errors.ts';

export type ErrorRecord = NonNullable<DeviceStatus['lastError']>;

/** A device's last failure as the technician page shows it: the message code, its parameters, and when. */
export function errorRecord(error: unknown, at: Date = new Date()): ErrorRecord {
  if (error instanceof StationError) return { code: error.code, params: error.params, at: at.toISOString() };
  return { code: 'error.internal', params: {}, at: at.toISOString() };
}
