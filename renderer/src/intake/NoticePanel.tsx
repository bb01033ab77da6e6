import type { Material } from '../../../contract/domain/catalog.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { PrintButton } from '../print/PrintButton.tsx';
import { useClient } from '../station/client-context.ts';
import type { Channel } from './intake-state.ts';

/**
 * Required materials missing and no 容缺 for them: the case cannot be taken in. Instead, the 一次性告知单 tells the
 * applicant everything that is missing, once, in writing.
 */
export function NoticePanel({
  matterCode,
  applicantName,
  required,
  missing,
  channel,
}: {
  channel: Channel;
  matterCode: string;
  applicantName: string;
  required: readonly Material[];
  missing: readonly Material[];
}) {
  const { t } = useI18n();
  const client = useClient();
  const names = required.map((m) => m.name).join(t('ui.list.separator'));
  // The villager is told calmly what is left and how to get the list; the clerk is told the case cannot be taken in.
  const kiosk = channel === 'kiosk';
  return (
    <div className={`notice-panel notice-panel--${channel}`} data-testid="notice-panel">
      <p className="notice-panel__text" role={kiosk ? 'status' : 'alert'}>
        {t(kiosk ? 'ui.notice.kiosk' : 'ui.notice.cannot', { names })}
      </p>
      <PrintButton
        label={t(kiosk ? 'ui.notice.kiosk.print' : 'ui.notice.print')}
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
