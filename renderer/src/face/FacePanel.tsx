import { useEffect, useState } from 'react';
import type { DeviceStatus } from '../../../contract/api/devices.ts';
import { useLatest } from '../case/use-latest.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { useCall } from '../station/use-call.ts';
import { FaceTryout } from './FaceTryout.tsx';
import '../styles/face.css';

/** While the model loads, the panel asks again this often. */
const LOADING_POLL_MS = 2000;

const MODEL_STATE_KEYS = {
  loading: 'ui.face.model.state.loading',
  ready: 'ui.face.model.state.ready',
  unusable: 'ui.face.model.state.unusable',
} as const;

/**
 * The face model on the technician's page: its state, version, threshold and how long it took to load; and a live
 * test that shows what the pipeline makes of the camera's picture (faces found, what it would ask, how long it took).
 */
export function FacePanel({ device }: { device: DeviceStatus }) {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  const call = useCall((client) => client.faceModel({}), [generation, device.state]);
  const model = useLatest(call);
  const [testing, setTesting] = useState(false);

  useEffect(() => {
    if (model?.state !== 'loading') return;
    const timer = setTimeout(() => setGeneration((g) => g + 1), LOADING_POLL_MS);
    return () => clearTimeout(timer);
  }, [model]);

  return (
    <div className="face-panel" data-testid="face-model" data-state={model?.state ?? 'unknown'}>
      {model === null ? (
        <CallStatus state={call} />
      ) : (
        <dl className="case-facts face-panel__facts">
          <div className="case-fact">
            <dt>{t('ui.face.model.state')}</dt>
            <dd data-testid="face-model-state">{t(MODEL_STATE_KEYS[model.state])}</dd>
          </div>
          <div className="case-fact">
            <dt>{t('ui.face.model.version')}</dt>
            <dd data-testid="face-model-version">{model.version ?? t('ui.face.model.unknown')}</dd>
          </div>
          <div className="case-fact">
            <dt>{t('ui.face.model.threshold')}</dt>
            <dd data-testid="face-model-threshold">{model.threshold === null ? t('ui.face.model.unknown') : model.threshold.toFixed(3)}</dd>
          </div>
          <div className="case-fact">
            <dt>{t('ui.face.model.loadTime')}</dt>
            <dd data-testid="face-model-load">
              {model.loadMs === null ? t('ui.face.model.unknown') : t('ui.face.ms', { ms: Math.round(model.loadMs) })}
            </dd>
          </div>
          {model.reason !== null && (
            <div className="case-fact">
              <dt>{t('ui.face.model.reason')}</dt>
              <dd className="face-panel__reason" data-testid="face-model-reason">
                {model.reason}
              </dd>
            </div>
          )}
        </dl>
      )}
      {call.status === 'error' && model !== null && <CallStatus state={call} />}
      <button
        type="button"
        className="wide-button face-panel__toggle"
        data-testid="face-test-toggle"
        aria-pressed={testing}
        disabled={model?.state !== 'ready' && !testing}
        onClick={() => setTesting((on) => !on)}
      >
        {t(testing ? 'ui.face.tryout.stop' : 'ui.face.tryout.start')}
      </button>
      {testing && <FaceTryout />}
    </div>
  );
}
