import type { Ref } from 'react';

/**
 * The live picture, mirrored as a mirror is (turning to your left moves you to the left), with an oval to put the
 * face in and the rest dimmed. Frames are taken from the video itself, unmirrored.
 */
export function FaceVideo({
  videoRef,
  tone,
  onPlaying,
}: {
  videoRef: Ref<HTMLVideoElement>;
  /** The oval's colour: waiting, looking, or passed. */
  tone: 'idle' | 'looking' | 'passed';
  onPlaying(): void;
}) {
  return (
    <div className="face-video">
      <video ref={videoRef} className="face-video__video" data-testid="face-video" autoPlay muted playsInline onPlaying={onPlaying} />
      <div className={`face-video__oval face-video__oval--${tone}`} aria-hidden="true" />
    </div>
  );
}
