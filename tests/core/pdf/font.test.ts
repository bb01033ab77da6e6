import { describe, expect, it } from 'vitest';
import { fontBytes } from '../../../electron/core/pdf/font.ts';
import { PdfLayout } from '../../../electron/core/pdf/layout.ts';
import { pdffonts, pdftotext, rasterErrors, squeeze, writePdf } from './poppler.ts';

const SAMPLE = '家门口便民服务站：身份证复印件（1 份），ID card No. 430000，办理时限 5 个工作日。';

describe('the document font', () => {
  it('is read from disk once per process', () => {
    expect(fontBytes()).toBe(fontBytes());
    expect(fontBytes().length).toBeGreaterThan(4_000_000);
  });

  it('embeds as a valid subset: renders without complaint, extracts as text, stays small', async () => {
    const layout = await PdfLayout.create({ title: '字体', createdAt: new Date(0), language: 'zh-CN' });
    layout.text(SAMPLE);
    const bytes = await layout.doc.save();
    const file = writePdf(bytes);

    expect(await rasterErrors(file)).not.toMatch(/error|syntax|invalid/i);
    expect(squeeze(await pdftotext(file))).toContain(squeeze(SAMPLE));
    expect(await pdffonts(file)).toMatch(/WenQuanYiMicroHei\S*\s+CID TrueType\s+Identity-H\s+yes/);
    // The whole font is 4.6 MB; a subset of these few dozen glyphs is a few KB.
    expect(bytes.length).toBeLessThan(40_000);
  });

  it('measures lines no narrower than pdf-lib lays them out, so wrapped lines never overflow', async () => {
    const layout = await PdfLayout.create({ title: '字体', createdAt: new Date(0), language: 'zh-CN' });
    const text = 'AVATAR To Ty Wa Yo LT 老年优待证 office 1/2 — “引号”《书名》 WAVE Tokyo 2025';
    for (const size of [8, 10.5, 18]) {
      expect(layout.measure(text, size)).toBeGreaterThanOrEqual(layout.font.pdf.widthOfTextAtSize(text, size) - 1e-9);
    }
  });
});
