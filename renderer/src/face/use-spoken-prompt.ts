import { useEffect, useRef } from 'react';
import { FacePromptSchema } from '../../../contract/domain/face-check.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { urgentPrompt } from '../intake/face-rules.ts';
import { speak, stopSpeaking } from '../speech/speak.ts';

/** A hint that is not urgent waits this long after the last one was said, so a flickering prompt is not chattered. */
const SPEAK_GAP_MS = 2500;

/**
 * Says a face prompt (or a decision's words) aloud when it changes: what to do now at once, other hints once the
 * last one had time to be heard. Speaking stops when the screen part goes.
 */
export function useSpokenPrompt(key: string | null): void {
  const { t, locale } = useI18n();
  const spoken = useRef<{ key: string; at: number } | null>(null);
  useEffect(() => {
    if (key === null || spoken.current?.key === key) return;
    // A decision's words are said at once; of the prompts, what to do now.
    const prompt = FacePromptSchema.safeParse(key);
    const urgent = !prompt.success || urgentPrompt(prompt.data);
    const wait = urgent ? 0 : Math.max(0, SPEAK_GAP_MS - (Date.now() - (spoken.current?.at ?? 0)));
    const timer = setTimeout(() => {
      spoken.current = { key, at: Date.now() };
      speak({ text: t(key), promptKey: key }, locale);
    }, wait);
    return () => clearTimeout(timer);
  }, [key, t, locale]);
  useEffect(() => stopSpeaking, []);
}
