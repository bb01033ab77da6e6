import { useCallback, useEffect, useRef, useState } from 'react';
import type { FaceCheckStarted } from '../../../contract/api/face.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import type { FaceCheckResult, FacePrompt } from '../../../contract/domain/face-check.ts';
import { cameraError } from '../camera/camera-errors.ts';
import { captureFrame } from '../camera/capture-still.ts';
import { useCameraStream } from '../camera/use-camera-stream.ts';
import { useStreamVideo } from '../camera/use-stream-video.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { FRAME_INTERVAL_MS, frameSize, promptKey } from '../intake/face-rules.ts';
import type { Channel } from '../intake/intake-state.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useClient } from '../station/client-context.ts';
import { FaceConfirm } from './FaceConfirm.tsx';
import { FacePromptLine } from './FacePromptLine.tsx';
import { FaceShell } from './FaceShell.tsx';
import { FaceVideo } from './FaceVideo.tsx';
import { useSpokenPrompt } from './use-spoken-prompt.ts';

/** Answers to a frame that leave the check going: that one picture could not be used, the next may. */
const FRAME_SKIPPED = new Set(['face.bad-image', 'face.image-too-large']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One face check, from faceCheckStart to its decision: the camera and the frames when there is a reference face;
 * with none, the window's clerk looks at the person (visual) and the kiosk sends the villager to the window. A check
 * left before its decision (another step, 上一步, the idle timeout) is ended as cancelled.
 */
export function FaceRun({
  channel,
  canConfirm,
  onDecided,
  onRetry,
}: {
  channel: Channel;
  /** A clerk is signed in who may look at the person instead (faceCheckConfirm). */
  canConfirm: boolean;
  onDecided(result: FaceCheckResult): void;
  onRetry(): void;
}) {
  const { t } = useI18n();
  const client = useClient();
  const [started, setStarted] = useState<FaceCheckStarted | null>(null);
  const [error, setError] = useState<unknown>(null);
  const decided = useRef(false);

  const decide = useCallback(
    (result: FaceCheckResult) => {
      decided.current = true;
      onDecided(result);
    },
    [onDecided],
  );

  useEffect(() => {
    let live = true;
    let check: string | null = null;
    client.faceCheckStart({}).then(
      (s) => {
        check = s.check;
        if (live) setStarted(s);
        else void client.faceCheckEnd({ check: s.check, reason: 'cancelled' }).catch(() => undefined);
      },
      (e: unknown) => {
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
      if (check !== null && !decided.current) void client.faceCheckEnd({ check, reason: 'cancelled' }).catch(() => undefined);
    };
  }, [client]);

  if (error !== null) {
    return (
      <FaceShell phase="error" reference={started?.reference}>
        <div className="face-check__side">
          <ErrorNotice error={error} testId="face-error" />
          <RetryButton onRetry={onRetry} />
        </div>
      </FaceShell>
    );
  }
  if (started === null) {
    return (
      <FaceShell phase="starting">
        <p className="call-status" role="status" data-testid="face-status">
          {t('ui.face.starting')}
        </p>
      </FaceShell>
    );
  }
  if (started.reference === 'none') {
    return (
      <FaceShell phase="no-reference" reference="none">
        {channel === 'window' && canConfirm ? (
          <FaceConfirm kind="visual" check={started.check} onDone={decide} />
        ) : (
          <p className="face-check__notice" role="alert" data-testid="face-no-reference">
            {t(channel === 'window' ? 'ui.face.visual.needsClerk' : 'face.no-reference')}
          </p>
        )}
      </FaceShell>
    );
  }
  return <FaceLive started={started} onDecided={decide} onError={setError} onRetry={onRetry} />;
}

function RetryButton({ onRetry }: { onRetry(): void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="wide-button face-check__retry" data-testid="face-retry" onClick={onRetry}>
      {t('ui.face.retry')}
    </button>
  );
}

/**
 * The camera and the frames of one check: one frame at a time, the next once the answer is back and at most about
 * eight a second. The camera going away mid-check (the track ends) is ended as camera-lost, which the core records.
 */
function FaceLive({
  started,
  onDecided,
  onError,
  onRetry,
}: {
  started: FaceCheckStarted;
  onDecided(result: FaceCheckResult): void;
  onError(error: unknown): void;
  onRetry(): void;
}) {
  const { t } = useI18n();
  const client = useClient();
  const camera = useCameraStream(null, { largest: false });
  const { video, playing, setPlaying } = useStreamVideo(camera);
  const [prompt, setPrompt] = useState<FacePrompt | null>(null);
  const [lost, setLost] = useState(false);
  const { check } = started;
  useSpokenPrompt(lost ? 'face.camera-lost' : prompt === null ? null : promptKey(prompt));
  // The frame loop must not restart when the parent's callbacks change: an answer in flight would be dropped.
  const report = useRef({ onDecided, onError });
  useEffect(() => {
    report.current = { onDecided, onError };
  }, [onDecided, onError]);


  useEffect(() => {
    if (camera.status !== 'live' || !playing) return;
    const el = video.current;
    const track = camera.stream.getVideoTracks()[0];
    let live = true;
    const cameraLost = () => {
      if (!live) return;
      live = false;
      client.faceCheckEnd({ check, reason: 'camera-lost' }).then(
        ({ result }) => (result ? report.current.onDecided(result) : setLost(true)),
        () => setLost(true),
      );
    };
    track?.addEventListener('ended', cameraLost);
    const run = async () => {
      while (live) {
        const sent = performance.now();
        // stop() ends a track without its 'ended' event: the state says it all the same.
        if (!el || !track || track.readyState === 'ended') return cameraLost();
        let image: string;
        try {
          image = await captureFrame(el, frameSize);
        } catch {
          await sleep(FRAME_INTERVAL_MS);
          continue;
        }
        if (!live) return;
        let answer;
        try {
          answer = await client.faceCheckFrame({ check, image });
        } catch (e) {
          if (!live) return;
          if (e instanceof StationError && FRAME_SKIPPED.has(e.code)) continue;
          live = false;
          return report.current.onError(e);
        }
        if (!live) return;
        if (answer.state === 'decided') {
          live = false;
          return report.current.onDecided(answer.result);
        }
        setPrompt(answer.prompt);
        const wait = FRAME_INTERVAL_MS - (performance.now() - sent);
        if (wait > 0) await sleep(wait);
      }
    };
    void run();
    return () => {
      live = false;
      track?.removeEventListener('ended', cameraLost);
    };
  }, [camera, playing, check, client]);

  const phase = lost ? 'camera-lost' : camera.status === 'error' ? 'error' : camera.status === 'live' && playing ? 'looking' : 'starting';
  return (
    <FaceShell phase={phase} reference={started.reference}>
      <FaceVideo videoRef={video} tone={phase === 'looking' ? 'looking' : 'idle'} onPlaying={() => setPlaying(true)} />
      <div className="face-check__side">
        {phase === 'looking' && <FacePromptLine prompt={prompt} />}
        {phase === 'starting' && (
          <p className="call-status" role="status" data-testid="face-status">
            {t('ui.face.opening')}
          </p>
        )}
        {camera.status === 'error' && <ErrorNotice error={cameraError(camera.error)} testId="face-camera-error" />}
        {lost && (
          <p className="face-check__notice" role="alert" data-testid="face-camera-lost">
            {t('face.camera-lost')}
          </p>
        )}
        {(lost || camera.status === 'error') && <RetryButton onRetry={onRetry} />}
      </div>
    </FaceShell>
  );
}
