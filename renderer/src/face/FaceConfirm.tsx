import { useState } from 'react';
import type { FaceCheckResult } from '../../../contract/domain/face-check.ts';
import { translate } from '../../../contract/domain/messages.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { messageTables } from '../i18n/message-tables.ts';
import { FACE_REASON_KEYS, REASON_MAX, reasonFits, type ConfirmKind } from '../intake/face-rules.ts';
import { KeyboardSheet } from '../keys/KeyboardSheet.tsx';
import { PinEntry } from '../staff/PinEntry.tsx';
import { useClient } from '../station/client-context.ts';

type Reason = { key: string } | { own: string };

const WORDS: Record<ConfirmKind, { title: string; hint: string; submit: string }> = {
  override: { title: 'ui.face.confirm.override.title', hint: 'ui.face.confirm.override.hint', submit: 'ui.face.confirm.override.submit' },
  visual: { title: 'ui.face.confirm.visual.title', hint: 'ui.face.confirm.visual.hint', submit: 'ui.face.confirm.visual.submit' },
};

/** The reason as the record keeps it: a fixed one in Chinese whatever the screen's language, or the clerk's words. */
function reasonText(reason: Reason | null): string {
  if (reason === null) return '';
  return 'key' in reason ? translate(messageTables, 'zh-CN', reason.key) : reason.own.trim();
}

/**
 * The clerk's own decision at the window (faceCheckConfirm): accepting a failed check (override), or looking at the
 * person against the card where there is no photo to compare (visual). A reason first — a big button each, or 其他
 * in their own words — then their PIN; a wrong PIN is the core's message with the tries left.
 */
export function FaceConfirm({
  kind,
  check,
  onDone,
  onCancel,
}: {
  kind: ConfirmKind;
  check: string;
  onDone(result: FaceCheckResult): void;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const client = useClient();
  const [reason, setReason] = useState<Reason | null>(null);
  const [typing, setTyping] = useState(false);
  const text = reasonText(reason);
  const own = reason !== null && 'own' in reason ? reason.own : '';

  return (
    <section className="face-confirm" data-testid={kind === 'visual' ? 'face-visual' : 'face-override-panel'} data-kind={kind}>
      <h3 className="face-confirm__title">{t(WORDS[kind].title)}</h3>
      <p className="hint">{t(WORDS[kind].hint)}</p>
      <div className="face-confirm__reasons" role="group" aria-label={t('ui.face.confirm.reason')}>
        {FACE_REASON_KEYS[kind].map((key, i) => (
          <button
            key={key}
            type="button"
            className="face-confirm__reason"
            data-testid={`face-reason-${i + 1}`}
            aria-pressed={reason !== null && 'key' in reason && reason.key === key}
            onClick={() => setReason({ key })}
          >
            {t(key)}
          </button>
        ))}
        <button
          type="button"
          className="face-confirm__reason"
          data-testid="face-reason-other"
          aria-pressed={reason !== null && 'own' in reason}
          onClick={() => setTyping(true)}
        >
          {own === '' ? t('ui.face.reason.other') : t('ui.face.reason.otherWith', { reason: own })}
        </button>
      </div>
      {reason !== null && !reasonFits(text) && (
        <p className="face-confirm__issue" role="alert" data-testid="face-reason-short">
          {t('ui.face.reason.tooShort')}
        </p>
      )}
      <PinEntry
        who={t('ui.face.confirm.pin')}
        submitLabel={t(WORDS[kind].submit)}
        pendingLabel={t('ui.face.confirm.pending')}
        ready={reasonFits(text)}
        onSubmit={(pin) => client.faceCheckConfirm({ check, kind, reason: text, pin }).then(onDone)}
        onBack={onCancel}
        backLabel={onCancel ? t('ui.face.confirm.back') : undefined}
        submitTestId="face-confirm"
        errorTestId="face-confirm-error"
      />
      {typing && (
        <KeyboardSheet
          title={t('ui.face.reason.otherTitle')}
          initial={own}
          maxLength={REASON_MAX}
          kinds={['hanzi', 'alnum']}
          onDone={(value) => {
            setTyping(false);
            setReason(value.trim() === '' ? null : { own: value });
          }}
          onCancel={() => setTyping(false)}
        />
      )}
    </section>
  );
}
