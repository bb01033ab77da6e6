import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useClient } from '../station/client-context.ts';
import { cameraError } from './camera-errors.ts';
import { captureStill } from './capture-still.ts';
import { CapturedPage, type Page } from './CapturedPage.tsx';
import { useCameraStream } from './use-camera-stream.ts';
import { useStreamVideo } from './use-stream-video.ts';

/**
 * The document camera (高拍仪): a live preview at the camera's largest size and a big 拍照 per page; each still goes
 * to cameraSavePage, which finds the paper, straightens and stores it. Pages pile up as thumbnails.
 */
export function CameraPanel({ deviceId, onPage }: { deviceId: string | null; onPage?(page: Page): void }) {
  const { t } = useI18n();
  const client = useClient();
  const camera = useCameraStream(deviceId);
  const { video, playing, setPlaying } = useStreamVideo(camera);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<unknown>(null);
  const [pages, setPages] = useState<Page[]>([]);


  const shoot = () => {
    const el = video.current;
    if (!el || saving) return;
    setSaving(true);
    setNotice(null);
    captureStill(el)
      .then((image) => client.cameraSavePage({ image }))
      .then(
        (page) => {
          setPages((list) => [...list, page]);
          onPage?.(page);
        },
        (error: unknown) => setNotice(cameraError(error)),
      )
      .finally(() => setSaving(false));
  };

  const state =
    camera.status === 'error' ? 'error' : camera.status === 'opening' || !playing ? 'opening' : saving ? 'saving' : 'live';

  return (
    <div className="camera-panel" data-testid="camera-panel" data-state={state} data-pages={pages.length}>
      <div className="camera-panel__live">
        <video
          ref={video}
          className="camera-panel__video"
          data-testid="camera-video"
          autoPlay
          muted
          playsInline
          onPlaying={() => setPlaying(true)}
        />
        {state === 'opening' && (
          <p className="call-status" role="status" data-testid="camera-status">
            {t('ui.camera.opening')}
          </p>
        )}
        {camera.status === 'error' && <ErrorNotice error={cameraError(camera.error)} testId="camera-error" />}
        {notice !== null && <ErrorNotice error={notice} testId="camera-notice" />}
        <button
          type="button"
          className="wide-button camera-panel__shoot"
          data-testid="camera-shoot"
          disabled={state !== 'live'}
          onClick={shoot}
        >
          {t(saving ? 'ui.camera.saving' : 'ui.camera.shoot')}
        </button>
      </div>
      <div className="camera-panel__pages">
        <p className="camera-panel__count" data-testid="camera-count">
          {t('ui.camera.count', { count: pages.length })}
        </p>
        <ol className="captured-pages">
          {pages.map((p, i) => (
            <CapturedPage key={p.attachment.sha256 + i} page={p} number={i + 1} />
          ))}
        </ol>
      </div>
    </div>
  );
}
