import { useEffect, useState } from 'react';
import type { FaceTestAnswer } from '../../../contract/api/face.ts';
import { cameraError } from '../camera/camera-errors.ts';
import { captureFrame } from '../camera/capture-still.ts';
import { useCameraStream } from '../camera/use-camera-stream.ts';
import { useStreamVideo } from '../camera/use-stream-video.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { frameSize } from '../intake/face-rules.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useClient } from '../station/client-context.ts';
import { FaceVideo } from './FaceVideo.tsx';

/** About two frames a second: enough to see the answer follow the face, little load on the device process. */
const TRYOUT_INTERVAL_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The technician's live test: the camera's frames through faceTest, nothing kept; the camera stops with the panel. */
export function FaceTryout() {
  const { t } = useI18n();
  const client = useClient();
  const camera = useCameraStream(null, { largest: false });
  const { video, playing, setPlaying } = useStreamVideo(camera);
  const [answer, setAnswer] = useState<FaceTestAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [frames, setFrames] = useState(0);


  useEffect(() => {
    if (camera.status !== 'live' || !playing) return;
    const el = video.current;
    let live = true;
    const run = async () => {
      while (live && el) {
        const sent = performance.now();
        try {
          const image = await captureFrame(el, frameSize);
          const a = await client.faceTest({ image });
          if (!live) return;
          setAnswer(a);
          setError(null);
          setFrames((n) => n + 1);
        } catch (e) {
          if (live) setError(e);
        }
        const wait = TRYOUT_INTERVAL_MS - (performance.now() - sent);
        if (wait > 0) await sleep(wait);
      }
    };
    void run();
    return () => {
      live = false;
    };
  }, [camera, playing, client]);

  return (
    <div
      className="face-tryout"
      data-testid="face-tryout"
      data-faces={answer?.faces ?? ''}
      data-prompt={answer?.prompt ?? ''}
      data-frames={frames}
    >
      <FaceVideo videoRef={video} tone={answer !== null && answer.faces === 1 && answer.prompt === null ? 'passed' : 'looking'} onPlaying={() => setPlaying(true)} />
      <div className="face-tryout__answer">
        {camera.status === 'error' && <ErrorNotice error={cameraError(camera.error)} testId="face-camera-error" />}
        {answer === null && camera.status !== 'error' && (
          <p className="call-status" role="status">
            {t('ui.face.opening')}
          </p>
        )}
        {answer !== null && (
          <dl className="case-facts">
            <div className="case-fact">
              <dt>{t('ui.face.tryout.faces')}</dt>
              <dd data-testid="face-tryout-faces">{answer.faces}</dd>
            </div>
            <div className="case-fact">
              <dt>{t('ui.face.tryout.prompt')}</dt>
              <dd data-testid="face-tryout-prompt">{t(answer.prompt ?? 'ui.face.tryout.fit', { count: answer.faces })}</dd>
            </div>
            <div className="case-fact">
              <dt>{t('ui.face.tryout.time')}</dt>
              <dd data-testid="face-tryout-ms">{t('ui.face.ms', { ms: Math.round(answer.ms) })}</dd>
            </div>
          </dl>
        )}
        {error !== null && <ErrorNotice error={error} testId="face-tryout-error" />}
      </div>
    </div>
  );
}
