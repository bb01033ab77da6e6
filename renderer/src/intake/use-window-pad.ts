import type { DeviceStatus } from '../../../contract/api/devices.ts';
import { useCall } from '../station/use-call.ts';

/**
 * The window's signature pad, once the device list is in: undefined while loading, null when there is none (or the
 * list failed: the touch screen always works).
 */
export function useWindowPad(enabled: boolean): DeviceStatus | null | undefined {
  const devices = useCall((client) => (enabled ? client.devicesList({}) : Promise.resolve([])), [enabled]);
  if (devices.status === 'loading') return undefined;
  if (devices.status === 'error') return null;
  const pads = devices.value.filter((d) => d.kind === 'sigpad');
  return pads.find((d) => d.roles.includes('window')) ?? pads[0] ?? null;
}
