import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderMandatePdf } from '../../../electron/core/documents/mandate-pdf.ts';
import { agent, agentMasked, mandate, signaturePng, villager, villagerMasked } from './fixture.ts';
import { checkedPdf, expectAll, images } from './pdf-checks.ts';

describe('renderMandatePdf', () => {
  it('names both people (IDs masked), the matter, the powers, the voluntary statement and the signature', async () => {
    const input = { ...mandate(), signaturePng: await signaturePng() };
    const { file, text } = await checkedPdf(await renderMandatePdf(input), 'mandate.pdf');
    expectAll(text, [
      '委托书',
      `委托人姓名${villager.name}身份证号${villagerMasked}联系电话13807360123`,
      `受托人姓名${agent.name}身份证号${agentMasked}联系电话${agent.phone}`,
      `办理事项${input.matter.name}`,
      `事项编码${input.matter.code}`,
      `受理编号${input.caseNo}`,
      '1.代为提交申报材料',
      '2.代为领取办理结果',
      '委托期限：自签字之日起至本事项办结之日止。',
      '本人自愿委托上述受托人代为办理以上事项。',
      '委托人（签字）',
      '签字日期2026年11月3日',
    ]);
    expect(text).not.toContain(villager.idNumber);
    expect(text).not.toContain(agent.idNumber);
    expect(await images(file)).toHaveLength(1);
  });

  it('embeds a small signature as it is, and only the powers given', async () => {
    const small = await sharp({ create: { width: 240, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: Buffer.from('<svg width="240" height="120"><path d="M20 80 C 60 10, 120 110, 220 40" stroke="black" stroke-width="6" fill="none"/></svg>') }])
      .png()
      .toBuffer();
    const input = { ...mandate(), signaturePng: small, scope: ['collect-result' as const] };
    const { file, text } = await checkedPdf(await renderMandatePdf(input), 'mandate-small.pdf');
    expect(text).toContain('代为领取办理结果');
    expect(text).not.toContain('代为提交申报材料');
    expect(await images(file)).toEqual([{ width: 240, height: 120 }]);
    await expect(renderMandatePdf({ ...input, scope: [] })).rejects.toThrow(RangeError);
  });
});
