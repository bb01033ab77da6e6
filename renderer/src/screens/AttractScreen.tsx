import { useEffect, useState } from 'react';
import { useNav } from '../app/nav-context.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { TopBar } from '../layout/TopBar.tsx';
import '../styles/screens.css';

/** Re-read once a minute: the kiosk may sit on this screen across midnight. */
function useToday(): Date {
  const [today, setToday] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setToday(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/** The idle screen: calm, readable from across the room. */
export function AttractScreen() {
  const { t, locale } = useI18n();
  const nav = useNav();
  const today = useToday();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(today);
  return (
    // A touch anywhere starts, except on the top bar's own buttons (read aloud, language).
    <div
      className="screen screen--attract"
      data-testid="screen-attract"
      onClick={(e) => {
        if (!(e.target as Element).closest('button')) nav.home();
      }}
    >
      <TopBar speech={{ text: t('ui.prompt.attract'), promptKey: 'ui.prompt.attract' }} navigation={false} />
      <div className="attract">
        <h1 className="attract__title">{t('ui.app.title')}</h1>
        <p className="attract__date" data-testid="attract-date">
          {date}
        </p>
        <p className="attract__touch">{t('ui.attract.touch')}</p>
      </div>
      {/* Discreet, in a corner: the clerk's window (behind a PIN) and the technician's page. */}
      <div className="attract__corner">
        <button type="button" className="attract__technician" data-testid="open-window" onClick={() => nav.push({ screen: 'window' })}>
          {t('ui.attract.window')}
        </button>
        <button
          type="button"
          className="attract__technician"
          data-testid="open-technician"
          onClick={() => nav.push({ screen: 'technician' })}
        >
          {t('ui.attract.technician')}
        </button>
      </div>
    </div>
  );
}
