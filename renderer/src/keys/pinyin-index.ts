/** GB 2312's two levels of hanzi: level 1 (3755 characters in everyday use) first, then level 2 (3008 rarer ones). */
const LEVELS: readonly [number, number][] = [
  [0xb0, 0xd7],
  [0xd8, 0xf7],
];

function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gbk');
  const chars: string[] = [];
  for (const [from, to] of LEVELS) {
    for (let hi = from; hi <= to; hi++) {
      for (let lo = 0xa1; lo <= 0xfe; lo++) {
        const c = decoder.decode(new Uint8Array([hi, lo]));
        // 0xD7FA–0xD7FE are unassigned: the decoder gives a replacement character or a private-use one.
        if (/^\p{Script=Han}$/u.test(c)) chars.push(c);
      }
    }
  }
  return chars;
}

export type PinyinIndex = ReadonlyMap<string, readonly string[]>;

let index: Promise<PinyinIndex> | null = null;

/**
 * Toneless pinyin (ü as v) → characters, everyday ones first. Built once, on first use (some 100 ms); the pinyin
 * dictionary is a separate chunk of the bundle, loaded only when someone types Chinese.
 */
export function loadPinyinIndex(): Promise<PinyinIndex> {
  index ??= import('pinyin-pro').then(({ pinyin }) => {
    const map = new Map<string, string[]>();
    for (const c of gb2312Hanzi()) {
      for (const reading of pinyin(c, { toneType: 'none', type: 'array', multiple: true, v: true })) {
        const list = map.get(reading);
        if (list) list.push(c);
        else map.set(reading, [c]);
      }
    }
    return map;
  });
  return index;
}

/** Characters for what was typed: those read exactly so first, then those of longer syllables it begins. */
export function candidates(map: PinyinIndex, typed: string): string[] {
  const key = typed.toLowerCase();
  if (key === '') return [];
  const exact = map.get(key) ?? [];
  const longer = [...map.keys()]
    .filter((s) => s !== key && s.startsWith(key))
    .sort()
    .flatMap((s) => map.get(s) ?? []);
  return [...new Set([...exact, ...longer])];
}
