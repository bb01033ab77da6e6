import type { Material } from '../../../contract/domain/catalog.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { PrintButton } from '../print/PrintButton.tsx';
import { useClient } from '../station/client-context.ts';

/**
 * Required materials missing and no 容缺 for them: the case cannot be taken in. Instead, the 一次性告知单 tells the
 * applicant everything that is missing, once, in writing.
 */
export function NoticePanel({
  matterCode,
  applicantName,
  required,
  missing,
}: {
  matterCode: string;
  applicantName: string;
  required: readonly Material[];
  missing: readonly Material[];
}) {
  const { t } = useI18n();
  const client = useClient();
  return (
    <div className="notice-panel" data-testid="notice-panel">
      <p className="notice-panel__text" role="alert">
        {t('ui.notice.cannot', { names: required.map((m) => m.name).join(t('ui.list.separator')) })}
      </p>
      <PrintButton
        label={t('ui.notice.print')}
        testId="print-notice"
        print={() =>
          client.noticePrint({
            matterCode,
            applicantName,
            missing: missing.map((m) => m.id),
          })
        }
      />
    </div>
  );
}
