import type { Locale } from '../../../contract/domain/messages.ts';

/** What the 朗读 button reads on one screen. */
export interface Speech {
  /** The screen's whole text, for a speech synthesiser. */
  text: string;
  /** Message key of the screen's recorded prompt (assets/audio/<key>.wav), for a browser without a voice; none for a text made of parameters. */
  promptKey?: string;
}

const promptUrls = import.meta.glob<string>('../../../assets/audio/*.wav', {
  eager: true,
  query: '?url',
  import: 'default',
});

function promptUrl(key: string): string | undefined {
  const suffix = `/${key}.wav`;
  const path = Object.keys(promptUrls).find((p) => p.endsWith(suffix));
  return path === undefined ? undefined : promptUrls[path];
}

function voiceFor(locale: Locale): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const wanted = locale === 'zh-CN' ? 'zh' : 'en';
  const voices = speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith(wanted));
  return voices.find((v) => v.lang.replace('_', '-') === locale) ?? voices[0];
}

let audio: HTMLAudioElement | null = null;

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  audio?.pause();
  audio = null;
}

export function isSpeaking(): boolean {
  const synthesising = typeof speechSynthesis !== 'undefined' && speechSynthesis.speaking;
  return synthesising || (audio !== null && !audio.paused && !audio.ended);
}

/**
 * Reads a screen aloud: with the system's voice for the locale when the browser has one, else by playing the
 * screen's recorded Mandarin prompt (many kiosk PCs have no Chinese voice installed).
 */
export function speak(speech: Speech, locale: Locale): void {
  stopSpeaking();
  const voice = voiceFor(locale);
  if (voice) {
    const utterance = new SpeechSynthesisUtterance(speech.text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    speechSynthesis.speak(utterance);
    return;
  }
  const url = speech.promptKey === undefined ? undefined : promptUrl(speech.promptKey);
  if (url === undefined) return;
  audio = new Audio(url);
  void audio.play().catch(() => undefined);
}
