import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { useCall } from '../station/use-call.ts';

/** A stored page or signature as the core previews it, by its sha256. */
export function AttachmentImage({ sha256, className }: { sha256: string; className?: string }) {
  const { t } = useI18n();
  const preview = useCall((client) => client.attachmentPreview({ sha256 }), [sha256]);
  if (preview.status !== 'ok') return <CallStatus state={preview} />;
  return (
    <img
      className={className}
      data-testid="attachment-image"
      data-sha256={sha256}
      src={`data:${preview.value.mime};base64,${preview.value.base64}`}
      alt={t('ui.attachment.preview')}
    />
  );
}
