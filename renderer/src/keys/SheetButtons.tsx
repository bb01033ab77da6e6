import { useI18n } from '../i18n/i18n-context.ts';

/** 完成 · 取消 at the foot of a sheet. */
export function SheetButtons({ onDone, onCancel, doneDisabled }: { onDone(): void; onCancel(): void; doneDisabled?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="sheet__buttons">
      <button type="button" className="sheet__cancel" data-testid="sheet-cancel" onClick={onCancel}>
        {t('ui.sheet.cancel')}
      </button>
      <button type="button" className="wide-button" data-testid="sheet-done" disabled={doneDisabled} onClick={onDone}>
        {t('ui.sheet.done')}
      </button>
    </div>
  );
}
