import { StationError } from '../../../contract/domain/errors.ts';
import { translate, type Locale } from '../../../contract/domain/messages.ts';
import type { I18n } from './i18n-context.ts';
import { hasMessage, messageTables } from './message-tables.ts';

const GENERIC_ERROR = 'ui.error.generic';

/** Who reads the screen: a villager at the kiosk, or staff signed in at the window or the device page. */
export type Audience = 'villager' | 'staff';

/**
 * The message for an error on a villager's screen: the code's own `.villager` text, else its family's (e.g.
 * `printer.villager` for every printer failure), else the staff text. Villagers are told what to do in their
 * words — never a queue name, a file path or a setting — and sent to the window for what only staff can fix.
 */
function villagerKey(locale: Locale, code: string): string | null {
  const family = code.split('.')[0]!;
  for (const key of [`${code}.villager`, `${family}.villager`]) if (hasMessage(locale, key)) return key;
  return null;
}

export function createI18n(locale: Locale, setLocale: (locale: Locale) => void, audience: Audience = 'villager'): I18n {
  const t = (key: string, params?: Record<string, string | number>) => translate(messageTables, locale, key, params);
  return {
    locale,
    setLocale,
    t,
    errorText(error) {
      // RemoteError extends StationError: its code is a catalogue key. A code the catalogue lacks gets the plain
      // generic message rather than being shown raw.
      if (error instanceof StationError && hasMessage(locale, error.code)) {
        const villager = audience === 'villager' ? villagerKey(locale, error.code) : null;
        return t(villager ?? error.code, error.params);
      }
      return t(GENERIC_ERROR);
    },
  };
}
