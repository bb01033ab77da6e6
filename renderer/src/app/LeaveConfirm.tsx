import { useSpokenPrompt } from '../face/use-spoken-prompt.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { Sheet } from '../keys/Sheet.tsx';

/** 要离开吗？ before 返回 or 首页 leaves an application under way: 继续办理 stays, 离开 drops what was filled in. */
export function LeaveConfirm({ onStay, onLeave }: { onStay(): void; onLeave(): void }) {
  const { t } = useI18n();
  useSpokenPrompt('ui.leave.question');
  return (
    <Sheet title={t('ui.leave.title')} testId="leave-confirm">
      <p className="leave-confirm__text">{t('ui.leave.question')}</p>
      <div className="sheet__buttons">
        <button type="button" className="sheet__cancel" data-testid="leave-go" onClick={onLeave}>
          {t('ui.leave.go')}
        </button>
        <button type="button" className="wide-button" data-testid="leave-stay" onClick={onStay}>
          {t('ui.leave.stay')}
        </button>
      </div>
    </Sheet>
  );
}
