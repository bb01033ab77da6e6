import { A4 } from '../pdf/layout.ts';
import type { PageBox } from '../pdf/layout.ts';
import type { PaperSize } from './types.ts';

const POINTS_PER_MM = 72 / 25.4;

/** Narrowest paper a document is laid out on: a 58 mm roll prints about 48 mm. */
const MIN_WIDTH_MM = 48;
const MIN_HEIGHT_MM = 80;

/**
 * The page for a paper size. A4 keeps the toolkit's margins; narrower paper (a receipt roll) gets margins scaled
 * down with its width, but keeps room at the bottom for the footer line, which sits 18 pt under the margin.
 */
export function pageFor(paper: PaperSize | undefined): PageBox {
  if (paper === undefined) return A4;
  if (!(paper.widthMm >= MIN_WIDTH_MM && paper.heightMm >= MIN_HEIGHT_MM)) {
    throw new RangeError(`paper ${paper.widthMm}×${paper.heightMm} mm is too small for a document`);
  }
  const width = paper.widthMm * POINTS_PER_MM;
  const scale = Math.min(1, width / A4.width);
  const side = Math.max(8, A4.margin.left * scale);
  return {
    width,
    height: paper.heightMm * POINTS_PER_MM,
    margin: { top: Math.max(14, A4.margin.top * scale), right: side, bottom: Math.max(34, A4.margin.bottom * scale), left: side },
  };
}

export const mm = (millimetres: number): number => millimetres * POINTS_PER_MM;
