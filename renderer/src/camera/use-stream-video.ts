import { useEffect, useRef, useState } from 'react';
import type { CameraStream } from './use-camera-stream.ts';

/**
 * A <video> showing the camera's stream: its ref, and whether it is playing yet (frames are taken only then). A new
 * stream starts it over.
 */
export function useStreamVideo(camera: CameraStream) {
  const video = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    el.srcObject = camera.status === 'live' ? camera.stream : null;
    setPlaying(false);
  }, [camera]);
  return { video, playing, setPlaying };
}
