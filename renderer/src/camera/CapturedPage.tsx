import type { Attachment } from '../../../contract/api/devices.ts';
import { AttachmentImage } from '../devices/AttachmentImage.tsx';
import { useI18n } from '../i18n/i18n-context.ts';

export interface Page {
  attachment: Attachment;
  /** Whether the core found the paper's edges and cropped to them. */
  detected: boolean;
}

/** One saved page: its thumbnail, its number, and whether the edges were found. */
export function CapturedPage({ page, number }: { page: Page; number: number }) {
  const { t } = useI18n();
  return (
    <li className="captured-page" data-testid="camera-page" data-detected={page.detected} data-sha256={page.attachment.sha256}>
      <AttachmentImage sha256={page.attachment.sha256} className="captured-page__image" />
      <p className="captured-page__number">{t('ui.camera.page', { n: number })}</p>
      <p className={page.detected ? 'captured-page__crop' : 'captured-page__crop captured-page__crop--whole'}>
        {t(page.detected ? 'ui.camera.cropped' : 'ui.camera.uncropped')}
      </p>
    </li>
  );
}
