import { describe, expect, it } from 'vitest';
import { renderRongquePdf } from '../../../electron/core/documents/rongque-pdf.ts';
import { rongque, signaturePng, station, villager, villagerMasked } from './fixture.ts';
import { checkedPdf, expectAll, images } from './pdf-checks.ts';

describe('renderRongquePdf', () => {
  it('prints the promised materials, their due date, the promise and the signature', async () => {
    const input = { ...rongque(), signaturePng: await signaturePng() };
    const { file, text } = await checkedPdf(await renderRongquePdf(input), 'rongque.pdf');
    expectAll(text, [
      '容缺受理单',
      `受理编号${input.caseNo}`,
      input.matter.name,
      `申请人${villager.name}`,
      `身份证号${villagerMasked}`,
      ...input.promised.map((m) => m.name),
      '复印件1份2026年11月20日前',
      '本人承诺在2026年11月20日前补齐以下材料，逾期未补齐的，同意按规定处理。',
      `联系电话${station.phone}`,
      '申请人（签字）',
      '签字日期2026年11月3日',
    ]);
    expect(text).not.toContain(villager.idNumber);
    // The 600-dpi pad image is scaled to 300 dpi at 40 × 20 mm before embedding.
    expect(await images(file)).toEqual([{ width: 472, height: 236 }]);
  });

  it('lets the table carry the promise when materials fall due on different days', async () => {
    const base = rongque();
    const input = {
      ...base,
      signaturePng: await signaturePng(),
      promised: base.promised.map((m, i) => ({ ...m, dueDate: i === 0 ? '2026-11-20' : '2026-12-04' })),
    };
    const { text } = await checkedPdf(await renderRongquePdf(input), 'rongque-dates.pdf');
    expectAll(text, ['2026年11月20日前', '2026年12月4日前', '本人承诺在下表所列期限前补齐以下材料']);
  });

  it('refuses a slip with nothing promised, or a signature that is not a PNG', async () => {
    const signature = await signaturePng();
    await expect(renderRongquePdf({ ...rongque(), signaturePng: signature, promised: [] })).rejects.toThrow(RangeError);
    await expect(renderRongquePdf({ ...rongque(), signaturePng: new TextEncoder().encode('not an image') })).rejects.toThrow();
  });
});
