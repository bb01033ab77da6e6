import { useEffect, useRef, useState } from 'react';
import type { DeviceStatus } from '../../../contract/api/devices.ts';
import { useClient } from '../station/client-context.ts';
import { useCall, type CallState } from '../station/use-call.ts';

/** Replaces a device by id, or adds it at the end. */
export function upsertDevice(list: readonly DeviceStatus[], device: DeviceStatus): DeviceStatus[] {
  const at = list.findIndex((d) => d.id === device.id);
  return at < 0 ? [...list, device] : list.map((d, i) => (i === at ? device : d));
}

/** A fresh list, plus every device seen before that it no longer names, shown absent rather than vanishing. */
export function mergeListed(known: readonly DeviceStatus[], listed: readonly DeviceStatus[]): DeviceStatus[] {
  const gone = known
    .filter((k) => !listed.some((d) => d.id === k.id))
    .map((k): DeviceStatus => ({ ...k, state: 'absent' }));
  return [...listed, ...gone];
}

export interface CoreDevices {
  devices: DeviceStatus[];
  /** The state of the latest devicesList call, for CallStatus. */
  listed: CallState<unknown>;
}

/**
 * Every device the core knows: devicesList when the page opens and again whenever `generation` changes (the
 * refresh button), kept live by deviceChanged in between.
 */
export function useCoreDevices(generation: number): CoreDevices {
  const client = useClient();
  const [devices, setDevices] = useState<DeviceStatus[]>([]);
  const listed = useCall((c) => c.devicesList({}), [generation]);
  // Changes that arrive while a devicesList call is on its way are newer than its answer: replayed over it.
  const sinceCall = useRef<DeviceStatus[]>([]);

  useEffect(() => {
    sinceCall.current = [];
  }, [generation]);

  useEffect(
    () =>
      client.on('deviceChanged', (device) => {
        sinceCall.current.push(device);
        setDevices((list) => upsertDevice(list, device));
      }),
    [client],
  );

  useEffect(() => {
    if (listed.status !== 'ok') return;
    const replay = sinceCall.current;
    sinceCall.current = [];
    setDevices((known) => replay.reduce(upsertDevice, mergeListed(known, listed.value)));
  }, [listed]);

  return { devices, listed };
}
