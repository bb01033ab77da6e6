import { useState } from 'react';
import type { FaceCheckResult, FaceOutcome } from '../../../contract/domain/face-check.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { faceAccepted } from '../intake/face-rules.ts';
import type { Channel } from '../intake/intake-state.ts';
import { FaceConfirm } from './FaceConfirm.tsx';
import { FaceIcon } from './FaceIcon.tsx';
import { FaceShell } from './FaceShell.tsx';
import { useSpokenPrompt } from './use-spoken-prompt.ts';

/** An accepted outcome in words: the machine's pass, or which decision of the clerk's. */
function acceptedWords(outcome: FaceOutcome): string {
  if (outcome === 'overridden') return 'ui.face.overridden';
  if (outcome === 'visual') return 'ui.face.visual';
  return 'ui.face.passed';
}

/**
 * A decided check: 核验通过 in green and on to 下一步; or why it failed (face.json says what to do), 再试一次 for a
 * new check, and at the window the clerk's 人工确认通过.
 */
export function FaceResult({
  result,
  channel,
  canConfirm,
  onRetry,
  onConfirmed,
}: {
  result: FaceCheckResult;
  channel: Channel;
  canConfirm: boolean;
  onRetry(): void;
  onConfirmed(result: FaceCheckResult): void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const accepted = faceAccepted(channel, result);
  // A machine failure says why; a decision this channel does not take (none the kiosk is given) says only that.
  const failure = result.failure ?? 'ui.face.notAccepted';
  useSpokenPrompt(accepted ? acceptedWords(result.outcome) : failure);

  if (accepted) {
    return (
      <FaceShell phase="decided" reference={result.reference}>
        <div className="face-result face-result--passed" role="status" data-testid="face-passed" data-outcome={result.outcome}>
          <FaceIcon name="passed" className="face-result__icon" />
          <p className="face-result__title">{t(acceptedWords(result.outcome))}</p>
          <p className="face-result__next">{t('ui.face.next')}</p>
        </div>
      </FaceShell>
    );
  }
  const mayOverride = canConfirm && result.outcome === 'failed';
  return (
    <FaceShell phase="decided" reference={result.reference}>
      <div className="face-result face-result--failed" data-testid="face-failed" data-failure={result.failure ?? ''} data-outcome={result.outcome}>
        <FaceIcon name="failed" className="face-result__icon" />
        <p className="face-result__text" role="alert" data-testid={failure === 'face.camera-lost' ? 'face-camera-lost' : 'face-failure'}>
          {t(failure)}
        </p>
        {!confirming && (
          <div className="face-result__actions">
            <button type="button" className="wide-button face-check__retry" data-testid="face-retry" onClick={onRetry}>
              {t('ui.face.retry')}
            </button>
            {mayOverride && (
              <button type="button" className="face-result__override" data-testid="face-override" onClick={() => setConfirming(true)}>
                {t('ui.face.override')}
              </button>
            )}
          </div>
        )}
      </div>
      {confirming && <FaceConfirm kind="override" check={result.check} onDone={onConfirmed} onCancel={() => setConfirming(false)} />}
    </FaceShell>
  );
}
