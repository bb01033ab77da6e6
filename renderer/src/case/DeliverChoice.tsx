import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { KeyboardSheet } from '../keys/KeyboardSheet.tsx';

/** The contract's longest detail value. */
const MAX_TRACKING = 40;

/** 已领取, or 已邮寄 with the tracking number typed on the screen's keys. */
export function DeliverChoice({ busy, onDeliver, onCancel }: { busy: boolean; onDeliver(detail: Record<string, string>): void; onCancel(): void }) {
  const { t } = useI18n();
  const [typing, setTyping] = useState(false);
  return (
    <div className="confirm-bar" data-testid="deliver-choice">
      <p className="confirm-bar__text">{t('ui.case.deliver.how')}</p>
      <button type="button" className="wide-button" data-testid="deliver-pickup" disabled={busy} onClick={() => onDeliver({ method: 'pickup' })}>
        {t('ui.case.deliver.pickup')}
      </button>
      <button type="button" className="wide-button" data-testid="deliver-post" disabled={busy} onClick={() => setTyping(true)}>
        {t('ui.case.deliver.post')}
      </button>
      <button type="button" data-testid="deliver-cancel" onClick={onCancel}>
        {t('ui.sheet.cancel')}
      </button>
      {typing && (
        <KeyboardSheet
          title={t('ui.case.deliver.tracking')}
          initial=""
          maxLength={MAX_TRACKING}
          kinds={['alnum']}
          onCancel={() => setTyping(false)}
          onDone={(tracking) => {
            setTyping(false);
            if (tracking.trim() !== '') onDeliver({ method: 'post', tracking: tracking.trim() });
          }}
        />
      )}
    </div>
  );
}
