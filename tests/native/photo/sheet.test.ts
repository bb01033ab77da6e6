import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PHOTO_SHEET_MM } from '../../../native/photo/sheet.ts';
import { MIN_GAP_MM, SHEET_MARGIN_MM, sheetLayout, sheetPdf } from '../../../native/photo/sheet.ts';
import { loadPhotoSpecs } from '../../../native/photo/specs.ts';
import { tempDir } from '../../helpers/tmp.ts';

const MM_PER_INCH = 25.4;

/** The most photos any grid with the sheet upright or turned can hold, by trying every grid. */
function bestCount(page: [number, number], photo: [number, number]): number {
  let best = 0;
  for (const [pw, ph] of [page, [page[1], page[0]]]) {
    for (let c = 1; c * photo[0] + (c - 1) * MIN_GAP_MM <= pw! - 2 * SHEET_MARGIN_MM; c++) {
      for (let r = 1; r * photo[1] + (r - 1) * MIN_GAP_MM <= ph! - 2 * SHEET_MARGIN_MM; r++) best = Math.max(best, c * r);
    }
  }
  return best;
}

describe('the 6-inch sheet', () => {
  it('holds the most photos that fit, 2 mm apart at least, inside the margins (any photo size)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 150, max: 600 }), fc.integer({ min: 150, max: 700 }), (w10, h10) => {
        const photo: [number, number] = [w10 / 10, h10 / 10];
        const layout = sheetLayout(PHOTO_SHEET_MM, photo);
        expect(layout.count).toBe(bestCount(PHOTO_SHEET_MM, photo));
        expect(layout.positionsMm).toHaveLength(layout.count);
        const [pw, ph] = layout.pageMm;
        for (const [x, y] of layout.positionsMm) {
          expect(x).toBeGreaterThanOrEqual(SHEET_MARGIN_MM - 1e-9);
          expect(y).toBeGreaterThanOrEqual(SHEET_MARGIN_MM - 1e-9);
          expect(x + photo[0]).toBeLessThanOrEqual(pw - SHEET_MARGIN_MM + 1e-9);
          expect(y + photo[1]).toBeLessThanOrEqual(ph - SHEET_MARGIN_MM + 1e-9);
        }
        for (const [i, [x, y]] of layout.positionsMm.entries()) {
          for (const [qx, qy] of layout.positionsMm.slice(i + 1)) {
            const apartX = Math.max(qx - (x + photo[0]), x - (qx + photo[0]));
            const apartY = Math.max(qy - (y + photo[1]), y - (qy + photo[1]));
            expect(Math.max(apartX, apartY)).toBeGreaterThanOrEqual(MIN_GAP_MM - 1e-9);
          }
        }
      }),
    );
  });

  it('prints each spec at its size on a 4×6 in page, checked with pdfinfo, pdfimages and a rendering', async () => {
    const dir = tempDir();
    const expected: Record<string, number> = { 'small-1inch': 12, '1inch': 10, 'large-1inch': 4, 'small-2inch': 6, '2inch': 4, '2inch-53': 4, 'id-card': 12 };
    for (const spec of loadPhotoSpecs().specs) {
      // A photo of one flat colour, so every photo on the rendered page can be found and measured.
      const jpeg = await sharp({ create: { width: spec.widthPx, height: spec.heightPx, channels: 3, background: { r: 0, g: 0, b: 200 } } })
        .withMetadata({ density: spec.dpi })
        .jpeg({ quality: 95 })
        .toBuffer();
      const layout = sheetLayout(PHOTO_SHEET_MM, [spec.widthMm, spec.heightMm]);
      expect(layout.count, spec.id).toBe(expected[spec.id]);
      const file = join(dir, `${spec.id}.pdf`);
      writeFileSync(file, await sheetPdf(jpeg, layout, spec.name));

      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!;
      const pageMm = [Number(size[1]), Number(size[2])].map((pt) => (pt / 72) * MM_PER_INCH).sort((a, b) => a - b);
      expect(Math.abs(pageMm[0]! - 101.6)).toBeLessThan(0.5);
      expect(Math.abs(pageMm[1]! - 152.4)).toBeLessThan(0.5);

      const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
      expect(images, spec.id).toHaveLength(layout.count);
      for (const line of images) {
        const cols = line.trim().split(/\s+/);
        const [width, height, xppi, yppi] = [Number(cols[3]), Number(cols[4]), Number(cols[12]), Number(cols[13])];
        expect([width, height]).toEqual([spec.widthPx, spec.heightPx]);
        expect(Math.abs((width / xppi) * MM_PER_INCH - spec.widthMm), spec.id).toBeLessThan(0.5);
        expect(Math.abs((height / yppi) * MM_PER_INCH - spec.heightMm), spec.id).toBeLessThan(0.5);
      }

      // Rendered at 200 dpi, each photo is a blue rectangle: count them, measure them and the gaps between them.
      execFileSync('pdftoppm', ['-r', '200', '-singlefile', file, join(dir, spec.id)]);
      const ppm = readFileSync(join(dir, `${spec.id}.ppm`));
      const boxes = blueBoxes(ppm);
      expect(boxes, spec.id).toHaveLength(layout.count);
      const mm = (px: number) => (px / 200) * MM_PER_INCH;
      for (const b of boxes) {
        expect(Math.abs(mm(b.right - b.left + 1) - spec.widthMm), spec.id).toBeLessThan(0.5);
        expect(Math.abs(mm(b.bottom - b.top + 1) - spec.heightMm), spec.id).toBeLessThan(0.5);
      }
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart = Math.max(b.left - a.right - 1, a.left - b.right - 1, b.top - a.bottom - 1, a.top - b.bottom - 1);
          expect(mm(apart), spec.id).toBeGreaterThanOrEqual(MIN_GAP_MM - 0.3);
        }
      }
    }
  });
});

/** Bounding boxes of the blue regions of a binary PPM (P6), found by flood fill. */
function blueBoxes(ppm: Buffer): { left: number; top: number; right: number; bottom: number }[] {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  const blue = (i: number) => data[3 * i]! < 60 && data[3 * i + 1]! < 60 && data[3 * i + 2]! > 150;
  const seen = new Uint8Array(w * h);
  const boxes: { left: number; top: number; right: number; bottom: number }[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || !blue(start)) continue;
    const box = { left: w, top: h, right: 0, bottom: 0 };
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % w, y = (i - x) / w;
      box.left = Math.min(box.left, x); box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y); box.bottom = Math.max(box.bottom, y);
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1]) {
        if (j >= 0 && !seen[j] && blue(j)) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    boxes.push(box);
  }
  return boxes;
}
