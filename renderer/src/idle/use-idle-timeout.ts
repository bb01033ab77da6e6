import { useEffect, useEffectEvent, useState } from 'react';
import { isSpeaking } from '../speech/speak.ts';

/** Activity away from the screen (writing on the signature pad), announced with reportActivity(). */
const DEVICE_ACTIVITY = 'doorstep-activity';
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', DEVICE_ACTIVITY] as const;
/** The most warning given before the reset: long enough to hear the question and reach the button. */
const MAX_WARNING_SEC = 20;

/** Someone is busy at the kiosk without touching the screen: the idle timeout starts again. */
export function reportActivity(): void {
  window.dispatchEvent(new Event(DEVICE_ACTIVITY));
}

/** How long before the reset the screen asks 还需要更多时间吗: a third of the timeout, at most 20 s. */
const warningSec = (timeoutSec: number): number => Math.min(MAX_WARNING_SEC, Math.floor(timeoutSec / 3));

/**
 * Calls `onIdle` after `timeoutSec` without a touch, so the next villager never sees the last one's screens; for
 * the last seconds before it, answers the moment the reset will come (the screen asks whether more time is
 * needed, and any touch gives it). Reading aloud counts as activity: a long guide may take longer than the timeout
 * to hear; so does writing on the signature pad (reportActivity).
 */
export function useIdleTimeout(timeoutSec: number | null, active: boolean, onIdle: () => void): { resetAt: number | null } {
  const fire = useEffectEvent(onIdle);
  const [resetAt, setResetAt] = useState<number | null>(null);

  useEffect(() => {
    if (!active || timeoutSec === null) return;
    let idle: ReturnType<typeof setTimeout>;
    let warn: ReturnType<typeof setTimeout>;
    const lead = warningSec(timeoutSec);
    const arm = () => {
      clearTimeout(idle);
      clearTimeout(warn);
      setResetAt(null);
      warn = setTimeout(() => setResetAt(Date.now() + lead * 1000), (timeoutSec - lead) * 1000);
      idle = setTimeout(() => {
        if (isSpeaking()) return arm();
        setResetAt(null);
        fire();
      }, timeoutSec * 1000);
    };
    arm();
    for (const type of ACTIVITY) window.addEventListener(type, arm, { capture: true, passive: true });
    return () => {
      clearTimeout(idle);
      clearTimeout(warn);
      setResetAt(null);
      for (const type of ACTIVITY) window.removeEventListener(type, arm, { capture: true });
    };
  }, [timeoutSec, active]);

  return { resetAt };
}
