import { LOCALES, type Locale } from '../../../contract/domain/messages.ts';
import { useI18n } from '../i18n/i18n-context.ts';

const LABEL_KEYS: Record<Locale, string> = { 'zh-CN': 'ui.lang.zh', en: 'ui.lang.en' };
const TEST_IDS: Record<Locale, string> = { 'zh-CN': 'lang-zh', en: 'lang-en' };

/** 中文 / English: each language named in itself, so anyone can find their own. */
export function LanguageToggle() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="lang-toggle" role="group" aria-label={t('ui.lang.group')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === locale ? 'lang-toggle__button is-current' : 'lang-toggle__button'}
          aria-pressed={l === locale}
          data-testid={TEST_IDS[l]}
          onClick={() => setLocale(l)}
        >
          {t(LABEL_KEYS[l])}
        </button>
      ))}
    </div>
  );
}
