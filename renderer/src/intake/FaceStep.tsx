import { useCallback, useContext, useState, type Dispatch } from 'react';
import type { FaceCheckResult } from '../../../contract/domain/face-check.ts';
import { FaceResult } from '../face/FaceResult.tsx';
import { FaceRun } from '../face/FaceRun.tsx';
import { useI18n } from '../i18n/i18n-context.ts';
import { StaffContext } from '../staff/staff-context.ts';
import { mayConfirmFace } from './face-rules.ts';
import type { IntakeAction, IntakeState } from './intake-state.ts';
import '../styles/face.css';

/**
 * 刷脸: the applicant's face against their card photo, with a turn of the head (or a blink) asked for. 下一步 opens
 * once the check passed — at the window also once the clerk accepted a failed one, or looked where there is no photo.
 */
export function FaceStep({ state, dispatch }: { state: IntakeState; dispatch: Dispatch<IntakeAction> }) {
  const { t } = useI18n();
  const staff = useContext(StaffContext);
  const canConfirm = mayConfirmFace(state.channel, staff?.current?.role ?? null);
  // Each 再试一次 is a new check, with its own camera.
  const [attempt, setAttempt] = useState(0);
  const decided = useCallback((result: FaceCheckResult) => dispatch({ type: 'face', result }), [dispatch]);
  const retry = useCallback(() => {
    dispatch({ type: 'face', result: null });
    setAttempt((a) => a + 1);
  }, [dispatch]);

  return (
    <div className="intake-face" data-testid="intake-face">
      <p className="hint">{t(state.channel === 'kiosk' ? 'ui.face.hint.kiosk' : 'ui.face.hint.window')}</p>
      {state.face === null ? (
        <FaceRun key={attempt} channel={state.channel} canConfirm={canConfirm} onDecided={decided} onRetry={retry} />
      ) : (
        <FaceResult result={state.face} channel={state.channel} canConfirm={canConfirm} onRetry={retry} onConfirmed={decided} />
      )}
    </div>
  );
}
