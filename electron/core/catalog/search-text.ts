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

/** Damerau–Levenshtein distance, capped: returns max+1 as soon as it is certain to exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
