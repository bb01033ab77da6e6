import { StationError } from '../../../contract/domain/errors.ts';
import { translate, type Locale } from '../../../contract/domain/messages.ts';
import type { I18n } from './i18n-context.ts';
import { hasMessage, messageTables } from './message-tables.ts';

const GENERIC_ERROR = 'ui.error.generic';

export function createI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const t = (key: string, params?: Record<string, string | number>) => translate(messageTables, locale, key, params);
  return {
    locale,
    setLocale,
    t,
    errorText(error) {
      // RemoteError extends StationError: its code is a catalogue key. A code the catalogue lacks gets the plain
      // generic message rather than being shown raw.
      if (error instanceof StationError && hasMessage(locale, error.code)) return t(error.code, error.params);
      return t(GENERIC_ERROR);
    },
  };
}
