import { openStationCore, type Station, type StationOptions, type StationCore } from '../../electron/core/station.ts';
import type { Services } from '../../electron/core/services.ts';

/** A station with its services and database in reach, for tests that look behind the contract. */
export type TestStation = Station & Services & Omit<StationCore, 'station' | 'services'>;

export function openTestStation(options: StationOptions): TestStation {
  const { station, services, ...rest } = openStationCore(options);
  return { ...station, ...services, ...rest };
}
