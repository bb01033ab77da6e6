import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, drawQr, qrMatrix } from '../../../electron/core/pdf/qr.ts';
import { rasterErrors, rasterGray, writePdf } from './poppler.ts';

const PX_PER_MODULE = 8;

/** A page exactly the size of the symbol with its quiet zone, at 4 pt per module. */
async function qrPdf(payload: string, useObjectStreams = true): Promise<{ bytes: Uint8Array; size: number }> {
  const matrix = qrMatrix(payload);
  const side = (matrix.size + 2 * QUIET_ZONE) * 4;
  const doc = await PDFDocument.create();
  drawQr(doc.addPage([side, side]), matrix, 0, 0, side);
  return { bytes: await doc.save({ useObjectStreams }), size: matrix.size };
}

describe('QR codes', () => {
  it('draws every module where the matrix says, with a light quiet zone', async () => {
    const payload = 'https://zwfw.example.gov.cn/guide/43040000-GG-0018';
    const { bytes, size } = await qrPdf(payload);
    const file = writePdf(bytes);
    expect(await rasterErrors(file)).toBe('');
    // 4 pt per module at 144 dpi is 8 px per module; sample each module at its centre.
    const { width, pixels } = await rasterGray(file, 144);
    expect(width).toBe((size + 2 * QUIET_ZONE) * PX_PER_MODULE);
    const matrix = qrMatrix(payload);
    const at = (row: number, col: number): number =>
      pixels[(row * PX_PER_MODULE + PX_PER_MODULE / 2) * width + col * PX_PER_MODULE + PX_PER_MODULE / 2] ?? -1;
    for (let r = -QUIET_ZONE; r < size + QUIET_ZONE; r++) {
      for (let c = -QUIET_ZONE; c < size + QUIET_ZONE; c++) {
        const dark = r >= 0 && c >= 0 && r < size && c < size && matrix.dark(r, c);
        expect(at(r + QUIET_ZONE, c + QUIET_ZONE), `module ${r},${c}`).toBe(dark ? 0 : 255);
      }
    }
  });

  it('is vector: no image in the file, and a long payload still costs only a few KB', async () => {
    const { bytes } = await qrPdf('老年优待证办理。'.repeat(40), false);
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('/Image');
    expect(bytes.length).toBeLessThan(12_000);
  });

  it('switches to level L for long payloads so the symbol stays printable', () => {
    expect(qrMatrix('https://example.org/g/1').size).toBeLessThanOrEqual(33);
    // ~1000 UTF-8 bytes at level L fits version 22 (105 modules); at M it would need version 27 (125).
    expect(qrMatrix('办'.repeat(333)).size).toBeLessThanOrEqual(105);
  });
});
