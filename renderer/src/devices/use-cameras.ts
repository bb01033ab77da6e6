import { useEffect, useState } from 'react';
import type { DeviceStatus } from '../../../contract/api/devices.ts';
import { useI18n } from '../i18n/i18n-context.ts';

const ID_PREFIX = 'camera:';

/** The id a camera gets in the device list; its media deviceId may be empty before camera permission is given. */
export function cameraId(deviceId: string, index: number): string {
  return `${ID_PREFIX}${deviceId || `default-${index}`}`;
}

/** The media deviceId behind a camera's list id; null for the browser's default camera. */
export function mediaDeviceId(id: string): string | null {
  const rest = id.slice(ID_PREFIX.length);
  return rest.startsWith('default-') ? null : rest;
}

interface SeenCamera {
  id: string;
  label: string;
  present: boolean;
}

function mergeCameras(seen: readonly SeenCamera[], inputs: readonly MediaDeviceInfo[]): SeenCamera[] {
  const now = inputs.map((d, i): SeenCamera => ({ id: cameraId(d.deviceId, i), label: d.label, present: true }));
  // A camera that was unplugged stays in the list as absent; a nameless placeholder (before permission) does not.
  const gone = seen
    .filter((s) => mediaDeviceId(s.id) !== null && !now.some((n) => n.id === s.id))
    .map((s) => ({ ...s, present: false }));
  return [...now, ...gone];
}

/**
 * The document cameras (高拍仪) the browser sees: video inputs of enumerateDevices, re-read when one is plugged or
 * unplugged (devicechange) and whenever `generation` changes.
 */
export function useCameras(generation: number): DeviceStatus[] {
  const { t } = useI18n();
  const [seen, setSeen] = useState<SeenCamera[]>([]);

  useEffect(() => {
    const media = navigator.mediaDevices as MediaDevices | undefined;
    if (!media) return;
    let live = true;
    const scan = () => {
      media.enumerateDevices().then(
        (all) => {
          if (live) setSeen((s) => mergeCameras(s, all.filter((d) => d.kind === 'videoinput')));
        },
        () => undefined,
      );
    };
    scan();
    media.addEventListener('devicechange', scan);
    return () => {
      live = false;
      media.removeEventListener('devicechange', scan);
    };
  }, [generation]);

  return seen.map(
    (c, i): DeviceStatus => ({
      id: c.id,
      kind: 'camera',
      name: c.label || t('ui.device.camera.unnamed', { n: i + 1 }),
      state: c.present ? 'ready' : 'absent',
      simulated: false,
      roles: [],
      detail: null,
      lastError: null,
    }),
  );
}
