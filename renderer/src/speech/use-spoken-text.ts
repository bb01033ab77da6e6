import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { speak, stopSpeaking } from './speak.ts';

/**
 * Says a text aloud once when it appears or changes, with the system's voice (a text made of parameters has no
 * recording to fall back on); stops when the screen part goes.
 */
export function useSpokenText(text: string | null): void {
  const { locale } = useI18n();
  useEffect(() => {
    if (text === null) return;
    speak({ text }, locale);
    return stopSpeaking;
  }, [text, locale]);
}
