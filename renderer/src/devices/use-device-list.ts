import { useState } from 'react';
import type { DeviceStatus } from '../../../contract/api/devices.ts';
import type { CallState } from '../station/use-call.ts';
import { useCameras } from './use-cameras.ts';
import { useCoreDevices } from './use-core-devices.ts';

export interface DeviceList {
  /** The core's devices, then the browser's cameras. */
  devices: DeviceStatus[];
  listed: CallState<unknown>;
  refresh(): void;
}

/** What the technician page lists: the core's devices and the cameras, refreshed together. */
export function useDeviceList(): DeviceList {
  const [generation, setGeneration] = useState(0);
  const core = useCoreDevices(generation);
  const cameras = useCameras(generation);
  return {
    devices: [...core.devices, ...cameras],
    listed: core.listed,
    refresh: () => setGeneration((g) => g + 1),
  };
}
