import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderReceiptPdf } from '../../../electron/core/documents/receipt-pdf.ts';
import type { ReceivedMaterial } from '../../../electron/core/documents/types.ts';
import { pdftotext, squeeze } from '../pdf/poppler.ts';
import { agent, proxyReceipt, selfServiceReceipt, station, villager, villagerMasked } from './fixture.ts';
import { checkedPdf, expectAll, images } from './pdf-checks.ts';

describe('renderReceiptPdf', () => {
  it('prints a 代办受理单 with every material, the masked ID, the promise and the advanced fees', async () => {
    const input = proxyReceipt();
    const { file, text } = await checkedPdf(await renderReceiptPdf(input), 'proxy-receipt.pdf');
    expectAll(text, [
      '代办受理单',
      station.name,
      `受理编号${input.caseNo}`,
      `办理事项${input.matter.name}`,
      `事项编码${input.matter.code}`,
      `申请人${villager.name}`,
      `身份证号${villagerMasked}`,
      `代办员${agent.name}`,
      '受理时间2026年11月3日09:05',
      '承诺办结日期2026年11月17日',
      '首问责任人张敏',
      ...input.materials.map((m) => m.name),
      '原件，3页',
      '原件及复印件，2页',
      '免提交',
      '免提交理由：低保、特困身份可在民政救助系统中查询',
      '容缺，2026年11月20日前补齐',
      '原件，已核验',
      '材料复印费¥1.50',
      '往返乡镇交通费¥12.34',
      '合计¥13.84',
      '扫码查询办理进度',
      `联系电话${station.phone}`,
      '第1页/共1页',
    ]);
    expect(text).not.toContain(villager.idNumber);
    // The QR code is vector art, not an image.
    expect(await images(file)).toEqual([]);
  });

  it('prints a self-service 受理单 with 即办 and no agent or fees', async () => {
    const input = selfServiceReceipt();
    const { text } = await checkedPdf(await renderReceiptPdf(input), 'receipt.pdf');
    expectAll(text, ['受理单', input.caseNo, villager.name, villagerMasked, '承诺办结日期即办', '1寸红底免冠彩色照片', '电子材料，1页']);
    expect(text).not.toContain('代办');
    expect(text).not.toContain('¥');
    expect(text).not.toContain(villager.idNumber);
  });

  it('prints a provisional due date as 预计 with the State Council proviso', async () => {
    const input = { ...selfServiceReceipt(), completion: { kind: 'by-date' as const, date: '2027-03-01', provisional: true } };
    const { text } = await checkedPdf(await renderReceiptPdf(input), 'provisional.pdf');
    expectAll(text, ['承诺办结日期预计2027年3月1日（以国务院公布的节假日安排为准）']);
  });

  it('lays out on an 80 mm receipt roll, continuing on further pages', async () => {
    const input = { ...proxyReceipt(), paper: { widthMm: 80, heightMm: 200 } };
    const bytes = await renderReceiptPdf(input);
    const { text } = await checkedPdf(bytes, 'roll.pdf');
    const doc = await PDFDocument.load(bytes);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo((80 / 25.4) * 72, 1);
    expect(height).toBeCloseTo((200 / 25.4) * 72, 1);
    expectAll(text, [input.caseNo, villager.name, villagerMasked, '承诺办结日期2026年11月17日', '合计¥13.84', station.phone]);
    expect(text).not.toContain(villager.idNumber);
  });

  it('numbers a long list of materials across pages', async () => {
    const materials: ReceivedMaterial[] = Array.from({ length: 40 }, (_, i) => ({
      name: `第${i + 1}号材料（村委会证明）`,
      status: 'provided',
      form: 'copy',
      pages: i + 1,
    }));
    const bytes = await renderReceiptPdf({ ...proxyReceipt(), materials });
    const { file, text } = await checkedPdf(bytes, 'long.pdf');
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    expect(squeeze(await pdftotext(file, pages))).toContain(`第${pages}页/共${pages}页`);
    expectAll(text, ['第40号材料（村委会证明）', '复印件，40页']);
  });

  it('refuses a day that does not exist and money that is not whole fen', async () => {
    await expect(renderReceiptPdf({ ...proxyReceipt(), completion: { kind: 'by-date', date: '2026-11-31', provisional: false } })).rejects.toThrow();
    const input = proxyReceipt();
    await expect(
      renderReceiptPdf({ ...input, proxy: { agentName: agent.name, advancedFees: [{ item: '复印费', amountFen: 1.5 }] } }),
    ).rejects.toThrow(RangeError);
  });
});
