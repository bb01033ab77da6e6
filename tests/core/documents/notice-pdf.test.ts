import { describe, expect, it } from 'vitest';
import { renderOneTimeNoticePdf } from '../../../electron/core/documents/notice-pdf.ts';
import { notice, station, villager, villagerMasked } from './fixture.ts';
import { checkedPdf, expectAll } from './pdf-checks.ts';

describe('renderOneTimeNoticePdf', () => {
  it('lists everything missing, once, with form, count and where to get it', async () => {
    const input = notice();
    const { text } = await checkedPdf(await renderOneTimeNoticePdf(input), 'notice.pdf');
    expectAll(text, [
      '一次性告知单',
      `告知单编号${input.caseNo}`,
      `办理事项${input.matter.name}`,
      input.matter.code,
      `申请人${villager.name}`,
      `身份证号${villagerMasked}`,
      `${villager.name}：您申请办理的“${input.matter.name}”`,
      ...input.missing.map((m) => m.name),
      '原件1份',
      '复印件1份',
      '说明：本站可当场打印，勾选家庭情况后签名即可',
      '说明：共同生活家庭成员每人签字',
      '除本单所列材料外，不会再要求您补充其他材料。',
      `如有疑问，请拨打本站电话${station.phone}。`,
      '告知人张敏',
      '告知日期2026年11月3日',
    ]);
    expect(text).not.toContain(villager.idNumber);
  });

  it('can be given at the kiosk to someone whose card was not read: no ID row, no clerk', async () => {
    const input = { ...notice(), applicant: { name: villager.name }, clerk: undefined };
    const { text } = await checkedPdf(await renderOneTimeNoticePdf(input), 'kiosk-notice.pdf');
    expectAll(text, [input.caseNo, villager.name, ...input.missing.map((m) => m.name), '告知日期2026年11月3日']);
    expect(text).not.toContain('身份证号');
    expect(text).not.toContain('告知人');
  });
});
