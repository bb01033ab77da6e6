import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Matter } from '../../../contract/domain/catalog.ts';
import { renderGuidePdf } from '../../../electron/core/guide/guide-pdf.ts';
import type { GuidePdfOptions } from '../../../electron/core/guide/guide-pdf.ts';
import { guideQrPayload } from '../../../electron/core/guide/guide-qr.ts';
import { pdffonts, pdftotext, rasterErrors, squeeze, writePdf } from '../pdf/poppler.ts';
import { elderlyCard, withMaterials } from './fixture.ts';

const options = (matter: Matter, qrPayload = guideQrPayload(matter)): GuidePdfOptions => ({
  catalogVersion: '2025.1.1',
  lifeEventNames: { elderly: '养老' },
  qrPayload,
  generatedAt: new Date('2025-03-01T02:05:00Z'),
});

describe('renderGuidePdf', () => {
  it('prints every element of the sample guide in a valid, small PDF with the font embedded', async () => {
    const matter = elderlyCard();
    const bytes = await renderGuidePdf(matter, options(matter));
    const file = writePdf(bytes, 'elderly-card.pdf');

    expect(await rasterErrors(file, 50)).not.toMatch(/error|syntax|invalid/i);
    expect(await pdffonts(file)).toMatch(/WenQuanYiMicroHei\S*\s+CID TrueType\s+Identity-H\s+yes/);
    expect(bytes.length).toBeLessThan(300_000);

    const text = squeeze(await pdftotext(file));
    const expected = [
      matter.name,
      matter.shortName,
      matter.code,
      matter.type,
      matter.department,
      '村（社区）直接办理',
      ...matter.legalBasis,
      ...matter.conditions,
      ...matter.materials.map((m) => m.name),
      '复印件',
      '免提交（证件已证明）',
      matter.materials[0]?.exemptions[0]?.reason ?? '',
      `备注：${matter.materials[1]?.note ?? ''}`,
      ...matter.steps.flatMap((s) => [s.name, s.description]),
      '即办',
      matter.fees.description,
      ...matter.tags,
      '可在自助终端办理',
      '可由村级代办员代办',
      '不适用容缺受理',
      '养老',
      '2025.1.1',
      '2025-03-0110:05', // printed in China time
      '扫码获取本指南文字版',
      '第1页/共1页',
    ];
    for (const piece of expected) expect(text, piece).toContain(squeeze(piece));
  });

  it('spreads 40 materials over several pages, in order, with correct page numbers', async () => {
    const matter = withMaterials(40);
    const bytes = await renderGuidePdf(matter, options(matter));
    const file = writePdf(bytes, 'forty.pdf');
    expect(await rasterErrors(file, 50)).not.toMatch(/error|syntax|invalid/i);
    expect(bytes.length).toBeLessThan(300_000);

    const pages: string[] = [];
    const count = (await PDFDocument.load(bytes)).getPageCount();
    for (let p = 1; p <= count; p++) pages.push(squeeze(await pdftotext(file, p)));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, i) => {
      expect(text).toContain(`第${i + 1}页/共${pages.length}页`);
      // The table header comes back on every page the table continues on.
      if (text.includes('号申报材料')) expect(text).toContain('序号材料名称材料形式份数要求');
    });
    const all = pages.join('');
    let from = 0;
    for (const m of matter.materials) {
      const at = all.indexOf(squeeze(m.name), from);
      expect(at, m.name).toBeGreaterThanOrEqual(from);
      from = at;
    }
    expect(all).toContain('免提交（数据共享查询）');
    expect(all).toContain('数据来源：县民政局数据共享平台');
    expect(all).toContain('容缺');
    expect(all).toContain('原件及复印件');
    expect(all).toContain('电子材料');
  });

  it('names the handling level, a working-day limit, a fee and a link QR code', async () => {
    const matter: Matter = {
      ...elderlyCard(),
      level: 'village-forward',
      timeLimit: { kind: 'working-days', days: 10 },
      fees: { free: false, description: '工本费每证10元' },
      publicUrl: 'https://zwfw.example.gov.cn/guide/43040000-GG-0018',
    };
    const file = writePdf(await renderGuidePdf(matter, options(matter)));
    const text = squeeze(await pdftotext(file));
    for (const piece of ['村（社区）受理、转报', '10个工作日', '工本费每证10元', '扫码查看电子版办事指南']) {
      expect(text).toContain(piece);
    }
    for (const [level, words] of [
      ['township', '乡镇（街道）办理'],
      ['county', '县级部门办理'],
    ] as const) {
      const other = { ...matter, level };
      expect(squeeze(await pdftotext(writePdf(await renderGuidePdf(other, options(other)))))).toContain(words);
    }
  });

  it('renders documents concurrently without mixing them up (they share one parsed font)', async () => {
    const a = elderlyCard();
    const b = { ...withMaterials(12), name: '医疗救助申请' };
    const [pa, pb] = await Promise.all([renderGuidePdf(a, options(a)), renderGuidePdf(b, options(b))]);
    const [fa, fb] = [writePdf(pa, 'a.pdf'), writePdf(pb, 'b.pdf')];
    for (const f of [fa, fb]) expect(await rasterErrors(f)).not.toMatch(/error|syntax|invalid/i);
    const [ta, tb] = [squeeze(await pdftotext(fa)), squeeze(await pdftotext(fb))];
    expect(ta).toContain('老年优待证办理');
    expect(ta).not.toContain('医疗救助申请');
    expect(tb).toContain('医疗救助申请');
    expect(tb).toContain(squeeze(b.materials[11]?.name ?? '?'));
  });
});
