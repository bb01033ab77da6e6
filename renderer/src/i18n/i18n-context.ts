import { createContext, useContext } from 'react';
import type { Locale } from '../../../contract/domain/messages.ts';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** A catalogue message in the current locale. */
  t(key: string, params?: Record<string, string | number>): string;
  /** What to tell the villager about a failed call: its catalogue message, never a code or a stack. */
  errorText(error: unknown): string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside <I18nContext>');
  return i18n;
}
