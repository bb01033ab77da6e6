import type { Guide, LifeEventSummary } from '../../../contract/api/api.ts';
import { GuideDetails } from '../guide/GuideDetails.tsx';
import { PrintGuideButton } from '../guide/PrintGuideButton.tsx';
import { QrCodeSvg } from '../guide/QrCodeSvg.tsx';
import { useNav } from '../app/nav-context.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { useCall } from '../station/use-call.ts';
import '../styles/guide.css';

/** The whole 办事指南 of one matter, its QR code to take it home on a phone, and a button to print it. */
export function GuideScreen({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const nav = useNav();
  const loaded = useCall(
    (client) =>
      Promise.all([client.catalogGuide({ code }), client.catalogLifeEvents({})]).then(
        ([guide, lifeEvents]): { guide: Guide; lifeEvents: LifeEventSummary[] } => ({ guide, lifeEvents }),
      ),
    [code],
  );
  const guide = loaded.status === 'ok' ? loaded.value.guide : null;
  // The core's guide text is Chinese: read it with a Chinese voice, or the short prompt in English.
  const text = guide !== null && locale === 'zh-CN' ? guide.text : t('ui.prompt.guide');

  return (
    <ScreenFrame
      screen="guide"
      title={guide?.matter.name ?? t('ui.guide.title')}
      speech={{ text, promptKey: 'ui.prompt.guide' }}
    >
      <CallStatus state={loaded} />
      {loaded.status === 'ok' && (
        <div className="guide">
          <ScrollArea className="guide__details">
            <GuideDetails guide={loaded.value.guide} lifeEvents={loaded.value.lifeEvents} />
          </ScrollArea>
          <aside className="guide__side">
            {loaded.value.guide.matter.selfService && (
              <button
                type="button"
                className="wide-button guide__apply"
                data-testid="apply-start"
                onClick={() => nav.push({ screen: 'apply', code })}
              >
                {t('ui.guide.apply')}
              </button>
            )}
            <figure className="guide__qr">
              <QrCodeSvg payload={loaded.value.guide.qrPayload} label={t('ui.guide.qr.caption')} />
              <figcaption>{t('ui.guide.qr.caption')}</figcaption>
            </figure>
            <PrintGuideButton code={code} />
          </aside>
        </div>
      )}
    </ScreenFrame>
  );
}
