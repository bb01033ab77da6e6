import { useEffect, useState } from 'react';

export type CameraStream =
  | { status: 'opening' }
  | { status: 'live'; stream: MediaStream }
  | { status: 'error'; error: unknown };

function stop(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** Asks the track for the largest frame its capabilities offer; a camera that refuses keeps what it gave. */
async function largest(track: MediaStreamTrack): Promise<void> {
  const caps = typeof track.getCapabilities === 'function' ? track.getCapabilities() : {};
  const width = caps.width?.max;
  const height = caps.height?.max;
  if (width === undefined || height === undefined) return;
  await track.applyConstraints({ width: { ideal: width }, height: { ideal: height } }).catch(() => undefined);
}

/**
 * The document camera's video, at the largest size it offers, for as long as the panel is open: every track is
 * stopped when it closes, even when the camera answers only after that. `largest: false` keeps the camera's own
 * default size (the face check sends small frames many times a second).
 */
export function useCameraStream(deviceId: string | null, { largest: wantLargest = true }: { largest?: boolean } = {}): CameraStream {
  const [state, setState] = useState<CameraStream>({ status: 'opening' });
  useEffect(() => {
    let live = true;
    let opened: MediaStream | null = null;
    setState({ status: 'opening' });
    const open = async () => {
      const media = navigator.mediaDevices as MediaDevices | undefined;
      if (!media) throw new DOMException('no media devices in this page', 'NotSupportedError');
      const stream = await media.getUserMedia({
        audio: false,
        video: deviceId === null ? true : { deviceId: { exact: deviceId } },
      });
      if (!live) {
        // The panel closed while the camera was being opened.
        stop(stream);
        return;
      }
      opened = stream;
      const [track] = stream.getVideoTracks();
      if (track && wantLargest) await largest(track);
      if (live) setState({ status: 'live', stream });
    };
    open().catch((error: unknown) => {
      if (live) setState({ status: 'error', error });
    });
    return () => {
      live = false;
      if (opened) stop(opened);
    };
  }, [deviceId, wantLargest]);

  return state;
}
