import { useNav } from '../app/nav-context.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { canDraw } from '../layout/glyph-support.ts';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { useCall } from '../station/use-call.ts';
import '../styles/screens.css';

/** 我要办事: the 办事一图索引 by life event, and the way into search by pinyin initials. */
export function ServicesScreen() {
  const { t, locale } = useI18n();
  const nav = useNav();
  const events = useCall((client) => client.catalogLifeEvents({}), []);
  const names = events.status === 'ok' ? events.value.map((e) => (locale === 'en' ? e.nameEn : e.name)) : [];
  return (
    <ScreenFrame
      screen="services"
      title={t('ui.services.title')}
      speech={{
        text: [t('ui.prompt.services'), ...names].join(t('ui.speech.separator')),
        promptKey: 'ui.prompt.services',
      }}
    >
      <button
        type="button"
        className="wide-button"
        data-testid="search-by-initials"
        onClick={() => nav.push({ screen: 'search', query: '' })}
      >
        {t('ui.services.byInitials')}
      </button>
      <h2 className="section-title">{t('ui.services.lifeEvents')}</h2>
      <CallStatus state={events} />
      {events.status === 'ok' && (
        <ScrollArea>
          <div className="life-events">
            {events.value.map((e) => (
              <button
                key={e.id}
                type="button"
                className="life-event"
                data-testid={`life-event-${e.id}`}
                onClick={() => nav.push({ screen: 'list', lifeEvent: e })}
              >
                {canDraw(e.icon) && (
                  <span className="life-event__icon" aria-hidden="true">
                    {e.icon}
                  </span>
                )}
                <span className="life-event__name">{locale === 'en' ? e.nameEn : e.name}</span>
                <span className="life-event__count">{t('ui.services.count', { count: e.count })}</span>
              </button>
            ))}
          </div>
        </ScrollArea>
      )}
    </ScreenFrame>
  );
}
