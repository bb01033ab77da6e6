import { useNav } from '../app/nav-context.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { speak, type Speech } from '../speech/speak.ts';
import { LanguageToggle } from './LanguageToggle.tsx';

/** 返回 · 首页 … 朗读 · 中文/English. The attract screen has nowhere to go back to, so it shows only the right half. */
export function TopBar({ speech, navigation = true }: { speech: Speech; navigation?: boolean }) {
  const { t, locale } = useI18n();
  const nav = useNav();
  return (
    <header className="top-bar">
      {navigation && (
        <>
          <button type="button" className="top-bar__button" data-testid="topbar-back" onClick={nav.back}>
            {t('ui.topbar.back')}
          </button>
          <button type="button" className="top-bar__button" data-testid="topbar-home" onClick={nav.home}>
            {t('ui.topbar.home')}
          </button>
        </>
      )}
      <span className="top-bar__spacer" />
      <button
        type="button"
        className="top-bar__button top-bar__button--speak"
        data-testid="topbar-speak"
        onClick={() => speak(speech, locale)}
      >
        {t('ui.topbar.speak')}
      </button>
      <LanguageToggle />
    </header>
  );
}
