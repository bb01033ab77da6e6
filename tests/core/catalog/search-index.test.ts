import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreCjk, scoreLatin, scoreTypo, SearchIndex } from '../../../electron/core/catalog/search-index.ts';
import { hasCjk, makeKey, matchesSyllablePrefixes, normalize, withinOneEdit } from '../../../electron/core/catalog/search-text.ts';

const items = [
  { code: 'T-000001', name: '老年优待证办理', shortName: '老年优待证', synonyms: ['老年证'] },
  { code: 'T-000002', name: '医疗救助申请', shortName: '医疗救助', synonyms: [] },
  { code: 'T-000003', name: '最低生活保障审核确认', shortName: '低保申领', synonyms: ['低保'] },
  { code: 'T-000004', name: '特困人员救助供养', shortName: '五保', synonyms: ['特困供养'] },
  { code: 'T-000005', name: '重庆籍人员户口迁入', shortName: '户口迁入', synonyms: [] },
  { code: 'T-000006', name: '老年人高龄津贴申领', shortName: '高龄津贴', synonyms: [] },
  { code: 'T-000007', name: '银行卡挂失证明', shortName: '银行卡', synonyms: [] },
];
const index = new SearchIndex(items, { 低保: ['最低生活保障'] });
const codes = (q: string) => index.search(q).map((h) => h.code);

describe('search keys', () => {
  it('reads polyphones in context', () => {
    expect(makeKey('重庆', 1).full).toBe('chongqing');
    expect(makeKey('银行', 1).full).toBe('yinhang');
    expect(makeKey('老年优待证', 1).initials).toBe('lnydz');
  });

  it('normalises width, case, spaces and punctuation', () => {
    expect(normalize(' ＬＮ Y-D ')).toBe('lnyd');
    expect(normalize('低保，申领')).toBe('低保申领');
  });

  it('matches mixed full-and-initial pinyin across consecutive syllables', () => {
    const syl = ['lao', 'nian', 'you', 'dai', 'zheng'];
    for (const q of ['lnyd', 'laonyd', 'lanianyoudai', 'lnydz', 'laonianyoudaizheng']) {
      expect(matchesSyllablePrefixes(q, syl, 0)).toBe(true);
    }
    for (const q of ['nyd', 'lnyx', 'laoo']) expect(matchesSyllablePrefixes(q, syl, 0)).toBe(false);
  });

  it('counts one substitution, insertion, deletion or swap as one edit', () => {
    for (const b of ['lnyd', 'nlyd', 'lnxd', 'lnydz', 'lyd', 'lndy']) expect(withinOneEdit('lnyd', b), b).toBe(true);
    for (const b of ['xxyd', 'ldny', 'l', 'lnydzz', 'ynld']) expect(withinOneEdit('lnyd', b), b).toBe(false);
  });

  it('agrees with a plain edit-distance count on random strings', () => {
    const distance = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 });
    fc.assert(fc.property(word, word, (a, b) => withinOneEdit(a, b) === distance(a, b) <= 1), { numRuns: 2000 });
  });
});

describe('SearchIndex', () => {
  it('finds matters by pinyin initials, best first', () => {
    expect(codes('lnyd')[0]).toBe('T-000001');
    expect(codes('yljz')[0]).toBe('T-000002');
    expect(codes('LNYD')[0]).toBe('T-000001');
  });

  it('finds by full pinyin, Chinese text, short names and synonyms', () => {
    expect(codes('laonianyoudaizheng')[0]).toBe('T-000001');
    expect(codes('医疗')[0]).toBe('T-000002');
    expect(codes('低保')[0]).toBe('T-000003');
    expect(codes('最低生活保障')[0]).toBe('T-000003');
    expect(codes('五保')[0]).toBe('T-000004');
    expect(codes('老年证')[0]).toBe('T-000001');
    expect(codes('chongqing')[0]).toBe('T-000005');
    expect(codes('yinhang')[0]).toBe('T-000007');
  });

  it('expands catalogue-wide synonyms', () => {
    const only = new SearchIndex([{ code: 'T-000009', name: '最低生活保障审核确认', shortName: '最低生活保障', synonyms: [] }], {
      低保: ['最低生活保障'],
    });
    expect(only.search('低保').map((h) => h.code)).toEqual(['T-000009']);
  });

  it('forgives one slip of the finger in initials', () => {
    expect(codes('lnyf')[0]).toBe('T-000001');
    expect(codes('nlyd')[0]).toBe('T-000001');
  });

  it('ranks an exact short name above a partial match', () => {
    const hits = index.search('lnyd');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]?.score ?? 0);
    expect(codes('gljt')[0]).toBe('T-000006');
  });

  it('finds by exact code', () => {
    expect(codes('t-000004')[0]).toBe('T-000004');
  });

  it('returns nothing, not an error, for a query that matches nothing', () => {
    expect(index.search('qqqqqq')).toEqual([]);
  });

  it('never throws and keeps scores in range for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (q) => {
        for (const h of index.search(q)) {
          expect(h.score).toBeGreaterThan(0);
          expect(h.score).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the postings filter', () => {
  // Every key scored by brute force: what the index returns must be exactly what scanning everything would give.
  const words = ['老年', '优待', '医疗', '救助', '申请', '登记', '重庆', '银行', '低保', '户口', '迁入', '补贴', '残疾', '证明'];
  const pool = Array.from({ length: 300 }, (_, i) => {
    const name = words[i % 14]! + words[(i * 5 + 3) % 14]! + words[(i * 11 + 7) % 14]!;
    return { code: `P-${String(i).padStart(6, '0')}`, name, shortName: name.slice(0, 4), synonyms: [words[(i * 3) % 14]! + words[(i * 7) % 14]!] };
  });
  const big = new SearchIndex(pool, {});
  const keys = pool.map((m) => [makeKey(m.name, 1), makeKey(m.shortName, 1), ...m.synonyms.map((s) => makeKey(s, 0.95))]);

  function bruteForce(query: string, limit: number): Set<string> {
    const q = normalize(query);
    const exact = new Set<string>();
    pool.forEach((m, i) => {
      if (keys[i]!.some((k) => (hasCjk(q) ? scoreCjk(q, k) : scoreLatin(q, k)) > 0)) exact.add(m.code);
    });
    if (exact.size < limit && !hasCjk(q) && q.length >= 3) {
      pool.forEach((m, i) => {
        if (keys[i]!.some((k) => scoreTypo(q, k) > 0)) exact.add(m.code);
      });
    }
    return exact;
  }

  it('loses no match that a full scan would find', () => {
    const latin = fc.string({ unit: fc.constantFrom(...'lnydyjzsqcbhkqrbtzmx'.split('')), minLength: 1, maxLength: 6 });
    const fromKeys = fc.integer({ min: 0, max: pool.length - 1 }).chain((i) =>
      fc.constantFrom(keys[i]![0]!.initials.slice(0, 4), keys[i]![0]!.full.slice(0, 7), keys[i]![0]!.full.slice(4, 10), pool[i]!.name.slice(1, 3)),
    );
    fc.assert(
      fc.property(fc.oneof(latin, fromKeys), (q) => {
        for (const limit of [20, 1000]) {
          const all = big.search(q, 1000).length;
          const got = big.search(q, limit).map((h) => h.code);
          const expected = bruteForce(q, limit);
          expect(got.length).toBe(Math.min(limit, expected.size));
          if (all <= limit) expect(new Set(got)).toEqual(expected);
          else for (const code of got) expect(expected.has(code)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
