import { describe, expect, it } from 'vitest';
import { PdfLayout } from '../../../electron/core/pdf/layout.ts';
import { drawTable } from '../../../electron/core/pdf/table.ts';
import { pdftotext, rasterErrors, squeeze, writePdf } from './poppler.ts';

const label = (page: number, pages: number): string => `第 ${page} 页 / 共 ${pages} 页`;

describe('PdfLayout', () => {
  it('flows a long list over pages, loses nothing and numbers every page', async () => {
    const layout = await PdfLayout.create({ title: '列表', createdAt: new Date(0), language: 'zh-CN' });
    const items = Array.from({ length: 90 }, (_, i) => `第${i + 1}项：本地户籍的申请人携带居民身份证原件到村便民服务站办理`);
    layout.heading('标题', 1);
    layout.list(items, 'bulleted');
    layout.finish(label, '页脚');
    const file = writePdf(await layout.doc.save());
    expect(await rasterErrors(file)).not.toMatch(/error|syntax|invalid/i);

    const pages = layout.doc.getPageCount();
    expect(pages).toBeGreaterThanOrEqual(3);
    let all = '';
    for (let p = 1; p <= pages; p++) {
      const text = squeeze(await pdftotext(file, p));
      expect(text).toContain(squeeze(label(p, pages)));
      all += text;
    }
    let from = 0;
    for (const item of items) {
      const at = all.indexOf(squeeze(item), from);
      expect(at, item).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('labels rows, numbers lists and repeats a table header on each page', async () => {
    const layout = await PdfLayout.create({ title: '表格', createdAt: new Date(0), language: 'zh-CN' });
    layout.labelled('办理时限', '即办');
    layout.list(['甲', '乙'], 'numbered');
    drawTable(
      layout,
      [
        { header: '序号', share: 1 },
        { header: '材料名称', share: 4 },
      ],
      Array.from({ length: 70 }, (_, i) => ({ cells: [String(i + 1), `材料${i + 1}`], details: ['免提交（入户核实）'] })),
    );
    layout.finish(label);
    const file = writePdf(await layout.doc.save());
    const pages = layout.doc.getPageCount();
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(squeeze(await pdftotext(file, 1))).toMatch(/办理时限即办1\.甲2\.乙/);
    for (let p = 1; p <= pages; p++) expect(squeeze(await pdftotext(file, p))).toContain('序号材料名称');
    expect(squeeze(await pdftotext(file))).toContain('70材料70免提交（入户核实）');
  });
});
