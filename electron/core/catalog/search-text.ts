import { pinyin } from 'pinyin-pro';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const DROP = /[\s\p{P}\p{S}]+/gu;

export const hasCjk = (s: string): boolean => CJK.test(s);

/** Width-folded, lower-case, without spaces and punctuation: how queries and keys are compared. */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(DROP, '');
}

export interface SearchKey {
  text: string;
  /** Toneless pinyin per character (Latin runs kept as one "syllable"), e.g. ['lao','nian','you','dai','zheng']. */
  syllables: string[];
  full: string;
  initials: string;
  weight: number;
}

/** Pinyin of a name in context, so polyphones read right (重庆 → chong qing, 银行 → yin hang). */
export function makeKey(raw: string, weight: number): SearchKey {
  const text = normalize(raw);
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase())
    .filter((s) => s.length > 0);
  return {
    text,
    syllables,
    full: syllables.join(''),
    initials: syllables.map((s) => s[0]).join(''),
    weight,
  };
}

/** Does q run through consecutive syllables from `start`, each consumed by a non-empty prefix ("lnyd", "laonyd")? */
export function matchesSyllablePrefixes(q: string, syllables: string[], start: number): boolean {
  const go = (si: number, qi: number): boolean => {
    if (qi === q.length) return true;
    const syl = syllables[si];
    if (syl === undefined) return false;
    for (let k = Math.min(syl.length, q.length - qi); k >= 1; k--) {
      if (q.startsWith(syl.slice(0, k), qi) && go(si + 1, qi + k)) return true;
    }
    return false;
  };
  return go(start, 0);
}

/**
 * Whether a and b differ by at most one edit — a substitution, an insertion, a deletion or two neighbours swapped
 * (Damerau) — in one linear pass, since the kiosk forgives exactly one slip.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
