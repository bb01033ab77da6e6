import type { LifeEventSummary } from '../../../contract/api/api.ts';
import { useNav } from '../app/nav-context.ts';
import { LEVEL_KEYS, timeLimitText } from '../guide/matter-words.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { useCall } from '../station/use-call.ts';
import '../styles/screens.css';

/** The matters of one life event, in catalogue order; each opens its guide. */
export function MatterListScreen({ lifeEvent }: { lifeEvent: LifeEventSummary }) {
  const { t, locale } = useI18n();
  const nav = useNav();
  const matters = useCall((client) => client.catalogList({ lifeEvent: lifeEvent.id }), [lifeEvent.id]);
  const names = matters.status === 'ok' ? matters.value.map((m) => m.name) : [];
  return (
    <ScreenFrame
      screen="list"
      title={locale === 'en' ? lifeEvent.nameEn : lifeEvent.name}
      speech={{ text: [t('ui.prompt.list'), ...names].join(t('ui.speech.separator')), promptKey: 'ui.prompt.list' }}
    >
      <CallStatus state={matters} />
      {matters.status === 'ok' && matters.value.length === 0 && <p className="hint">{t('ui.list.empty')}</p>}
      {matters.status === 'ok' && matters.value.length > 0 && (
        <ScrollArea>
          <ul className="matter-list">
            {matters.value.map((m) => (
              <li key={m.code}>
                <button
                  type="button"
                  className="matter"
                  data-testid="matter-item"
                  onClick={() => nav.push({ screen: 'guide', code: m.code })}
                >
                  <span className="matter__name">{m.name}</span>
                  <span className="matter__facts">
                    <span>{t(LEVEL_KEYS[m.level])}</span>
                    <span>
                      {t('ui.label.value', { label: t('guide.label.timeLimit'), value: timeLimitText(t, m.timeLimit) })}
                    </span>
                    {m.selfService && <span>{t('ui.matter.selfService')}</span>}
                    {m.tags.map((tag) => (
                      <span key={tag} className="tag">
                        {tag}
                      </span>
                    ))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </ScrollArea>
      )}
    </ScreenFrame>
  );
}
