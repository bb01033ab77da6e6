import { useEffect, useState } from 'react';
import { useSpokenPrompt } from '../face/use-spoken-prompt.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { Sheet } from '../keys/Sheet.tsx';
import { reportActivity } from './use-idle-timeout.ts';

/**
 * 还需要更多时间吗？ over the screen for the last seconds before the idle reset, with the seconds left and a big
 * 还需要: any touch gives more time (the touch itself is activity); the button is what a villager looks for.
 */
export function IdleWarning({ resetAt }: { resetAt: number }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  useSpokenPrompt('ui.idle.warning');
  const seconds = Math.max(0, Math.ceil((resetAt - now) / 1000));
  return (
    <Sheet title={t('ui.idle.title')} testId="idle-warning">
      <p className="idle-warning__text" data-testid="idle-warning-seconds" data-seconds={seconds}>
        {t('ui.idle.seconds', { seconds })}
      </p>
      <button type="button" className="wide-button idle-warning__more" data-testid="idle-more" onClick={reportActivity}>
        {t('ui.idle.more')}
      </button>
    </Sheet>
  );
}
