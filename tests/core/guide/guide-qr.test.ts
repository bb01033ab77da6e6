import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QR_TEXT_MAX_BYTES, guideQrPayload, guideText, truncateUtf8 } from '../../../electron/core/guide/guide-qr.ts';
import { qrMatrix } from '../../../electron/core/pdf/qr.ts';
import { elderlyCard, withMaterials } from './fixture.ts';

const utf8 = (s: string): number => new TextEncoder().encode(s).length;

describe('guideQrPayload', () => {
  it('is the public link when there is one, the given one first', () => {
    const matter = { ...elderlyCard(), publicUrl: 'https://zwfw.example.gov.cn/g/1' };
    expect(guideQrPayload(matter)).toBe('https://zwfw.example.gov.cn/g/1');
    expect(guideQrPayload(matter, 'https://station.example/g/1')).toBe('https://station.example/g/1');
    expect(guideQrPayload(elderlyCard(), 'https://station.example/g/1')).toBe('https://station.example/g/1');
  });

  it('falls back to a compact text guide: name, code, time limit, fees, conditions, materials', () => {
    const matter = elderlyCard();
    const payload = guideQrPayload(matter);
    expect(payload.split('\n').slice(0, 2)).toEqual([matter.name, `事项编码：${matter.code}`]);
    for (const piece of [...matter.conditions, ...matter.materials.map((m) => m.name), '办理时限：即办', matter.fees.description]) {
      expect(payload).toContain(piece);
    }
    expect(payload).toContain('居民身份证（复印件，1 份，免提交）');
    expect(payload).not.toContain('…');
    expect(utf8(payload)).toBeLessThanOrEqual(QR_TEXT_MAX_BYTES);
  });

  it('cuts a long guide to the cap with "…", keeping the code and the short facts, and still encodes', () => {
    const matter = withMaterials(40);
    const payload = guideQrPayload(matter);
    expect(utf8(payload)).toBeLessThanOrEqual(QR_TEXT_MAX_BYTES);
    expect(utf8(payload)).toBeGreaterThan(QR_TEXT_MAX_BYTES - 20);
    expect(payload.endsWith('…')).toBe(true);
    expect(payload).not.toMatch(/[；\s]…$/u);
    expect(payload).toContain(matter.code);
    expect(payload).toContain('办理时限：即办');
    expect(payload).toContain(matter.fees.description);
    expect(() => qrMatrix(payload)).not.toThrow();
  });
});

describe('truncateUtf8', () => {
  it('never exceeds the cap, never splits a character, keeps a prefix', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 3, max: 400 }), (text, max) => {
        const cut = truncateUtf8(text, max);
        expect(utf8(cut)).toBeLessThanOrEqual(max);
        if (cut === text) return;
        expect(cut.endsWith('…')).toBe(true);
        expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        expect(cut).not.toMatch(/[\uD800-\uDBFF]…$/u);
      }),
      { numRuns: 500 },
    );
  });
});

describe('guideText', () => {
  it('tells every element of the guide in plain text', () => {
    const matter = elderlyCard();
    const text = guideText(matter);
    const expected = [
      matter.name,
      `简称：${matter.shortName}`,
      `事项编码：${matter.code}`,
      `事项类型：${matter.type}`,
      `实施部门：${matter.department}`,
      '办理层级：村（社区）直接办理',
      '办理时限：即办',
      `收费标准：免费（${matter.fees.description}）`,
      '服务方式：可在自助终端办理；可由村级代办员代办；不适用容缺受理',
      ...matter.legalBasis.map((b, i) => `${i + 1}. ${b}`),
      ...matter.conditions.map((c, i) => `${i + 1}. ${c}`),
      '1. 居民身份证（复印件，1 份，必要）',
      `免提交（证件已证明）：${matter.materials[0]?.exemptions[0]?.reason ?? '?'}`,
      `备注：${matter.materials[1]?.note ?? '?'}`,
      ...matter.steps.map((s, i) => `${i + 1}. ${s.name}（${s.actor}）：${s.description}`),
      '服务标签：马上办；就近办；一次办',
    ];
    for (const piece of expected) expect(text).toContain(piece);
  });

  it('says so when no materials are needed, and words a working-day limit', () => {
    const text = guideText({ ...elderlyCard(), materials: [], timeLimit: { kind: 'working-days', days: 6 } });
    expect(text).toContain('无需提交材料');
    expect(text).toContain('办理时限：6 个工作日');
  });
});
