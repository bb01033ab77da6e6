import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../electron/core/catalog/search-index.ts';
import { editDistance, makeKey, matchesSyllablePrefixes, normalize } from '../../../electron/core/catalog/search-text.ts';

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

  it('measures one transposition as one edit', () => {
    expect(editDistance('lnyd', 'nlyd', 1)).toBe(1);
    expect(editDistance('lnyd', 'lnyd', 1)).toBe(0);
    expect(editDistance('lnyd', 'xxyd', 1)).toBe(2);
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
