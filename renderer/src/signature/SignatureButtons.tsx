import { useI18n } from '../i18n/i18n-context.ts';

/** 重签 · 确认 · 取消, the same for the pad and the touch screen. */
export function SignatureButtons({
  busy,
  onClear,
  onConfirm,
  onCancel,
}: {
  busy: boolean;
  onClear(): void;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  return (
    <div className="signature-buttons">
      <button type="button" className="signature-buttons__clear" data-testid="signature-clear" disabled={busy} onClick={onClear}>
        {t('ui.signature.clear')}
      </button>
      <button type="button" className="wide-button" data-testid="signature-confirm" disabled={busy} onClick={onConfirm}>
        {t('ui.signature.confirm')}
      </button>
      <button type="button" className="signature-buttons__cancel" data-testid="signature-cancel" disabled={busy} onClick={onCancel}>
        {t('ui.signature.cancel')}
      </button>
    </div>
  );
}
