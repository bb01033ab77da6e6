import { useEffect, useEffectEvent } from 'react';
import { isSpeaking } from '../speech/speak.ts';

/** Activity away from the screen (writing on the signature pad), announced with reportActivity(). */
const DEVICE_ACTIVITY = 'doorstep-activity';
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', DEVICE_ACTIVITY] as const;

/** Someone is busy at the kiosk without touching the screen: the idle timeout starts again. */
export function reportActivity(): void {
  window.dispatchEvent(new Event(DEVICE_ACTIVITY));
}

/**
 * Calls `onIdle` after `timeoutSec` without a touch, so the next villager never sees the last one's screens.
 * Reading aloud counts as activity: a long guide may take longer than the timeout to hear; so does writing on the
 * signature pad (reportActivity).
 */
export function useIdleTimeout(timeoutSec: number | null, active: boolean, onIdle: () => void): void {
  const fire = useEffectEvent(onIdle);

  useEffect(() => {
    if (!active || timeoutSec === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => (isSpeaking() ? arm() : fire()), timeoutSec * 1000);
    };
    arm();
    for (const type of ACTIVITY) window.addEventListener(type, arm, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, arm, { capture: true });
    };
  }, [timeoutSec, active]);
}
