/** Which on-screen keys a text needs: a number pad, letters and digits, or pinyin for Chinese characters. */
export type KeyboardKind = 'digits' | 'alnum' | 'hanzi';

/** A pattern made only of digits and counts (`^1\d{10}$`, `^\d{12,25}$`) wants the number pad. */
const DIGITS_ONLY = /^\^?(?:\\d|\[0-9\]|\d|\{\d+(?:,\d*)?\}|[+*?])+\$?$/;

export function keyboardFor(pattern: string | undefined): KeyboardKind {
  return pattern !== undefined && DIGITS_ONLY.test(pattern) ? 'digits' : 'hanzi';
}
