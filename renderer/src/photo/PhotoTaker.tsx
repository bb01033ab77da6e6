import { useState } from 'react';
import type { PhotoMade } from '../../../contract/api/photo.ts';
import type { PhotoBackground } from '../../../contract/domain/photo-spec.ts';
import { cameraError } from '../camera/camera-errors.ts';
import { captureFrame } from '../camera/capture-still.ts';
import { useCameraStream } from '../camera/use-camera-stream.ts';
import { useStreamVideo } from '../camera/use-stream-video.ts';
import { FaceVideo } from '../face/FaceVideo.tsx';
import { useSpokenPrompt } from '../face/use-spoken-prompt.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useSpokenText } from '../speech/use-spoken-text.ts';
import { useClient } from '../station/client-context.ts';
import { PHOTO_FRAME_GAP_MS, PHOTO_FRAME_MAX_SIDE, PHOTO_FRAMES } from './photo-specs.ts';
import '../styles/face.css';
import '../styles/photo.css';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const scaled = (width: number, height: number) => {
  const k = Math.min(1, PHOTO_FRAME_MAX_SIDE / Math.max(width, height));
  return { width: Math.round(width * k), height: Math.round(height * k) };
};

/**
 * The camera with the head outline: 拍照 takes a few frames and the station makes the photo of the best; what it
 * asks the person to change (站近一点, 把头摆正 …) is shown and said.
 */
export function PhotoTaker({ spec, background, onMade }: { spec: string; background: PhotoBackground; onMade(made: PhotoMade): void }) {
  const { t, errorText } = useI18n();
  const client = useClient();
  const camera = useCameraStream(null);
  const { video, playing, setPlaying } = useStreamVideo(camera);
  const [state, setState] = useState<{ status: 'ready' } | { status: 'taking' } | { status: 'refused'; error: unknown }>({ status: 'ready' });
  // A refusal is said with its own words and numbers (画面里有 2 个人); the other prompts have their recordings.
  useSpokenText(state.status === 'refused' ? errorText(state.error) : null);
  useSpokenPrompt(state.status === 'taking' ? 'ui.photo.holdStill' : state.status === 'ready' && playing ? 'ui.photo.prompt.stand' : null);

  const take = async () => {
    const el = video.current;
    if (!el) return;
    setState({ status: 'taking' });
    try {
      const frames: string[] = [];
      for (let i = 0; i < PHOTO_FRAMES; i++) {
        if (i > 0) await sleep(PHOTO_FRAME_GAP_MS);
        frames.push(await captureFrame(el, scaled));
      }
      onMade(await client.photoMake({ frames, spec, background }));
    } catch (error) {
      setState({ status: 'refused', error });
    }
  };

  return (
    <div className="face-check photo-taker" data-testid="photo-taker" data-state={state.status}>
      <FaceVideo videoRef={video} tone={state.status === 'taking' ? 'passed' : 'looking'} onPlaying={() => setPlaying(true)} />
      <div className="face-check__side">
        {camera.status === 'error' ? (
          <ErrorNotice error={cameraError(camera.error)} testId="photo-camera-error" />
        ) : state.status === 'refused' ? (
          <ErrorNotice error={state.error} testId="photo-refused" />
        ) : (
          <p className="photo-taker__prompt" role="status" data-testid="photo-prompt">
            {t(state.status === 'taking' ? 'ui.photo.holdStill' : playing ? 'ui.photo.prompt.stand' : 'ui.face.opening')}
          </p>
        )}
        <button
          type="button"
          className="wide-button photo-taker__shoot"
          data-testid="photo-shoot"
          disabled={!playing || state.status === 'taking'}
          onClick={() => void take()}
        >
          {t(state.status === 'refused' ? 'ui.photo.retake' : 'ui.photo.shoot')}
        </button>
      </div>
    </div>
  );
}
