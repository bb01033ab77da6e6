import type { Capsule, RenderOptions } from './render-geometry.ts';
import { signatureGeometry } from './render-geometry.ts';
import type { Signature } from '../../contract/domain/signature.ts';

const fmt = (v: number) => String(Math.round(v * 100) / 100);

/**
 * Renders to SVG in output pixels (viewBox), sized in mm for documents. Segments whose widths round to the same
 * half pixel share one path with round caps and joins; a dot is a circle.
 */
export function renderSignatureSvg(sig: Signature, options: RenderOptions = {}): string {
  const g = signatureGeometry(sig, options);
  const o = g.options;
  const paths: string[] = [];
  const dots: string[] = [];
  for (const stroke of g.strokes) {
    const first = stroke[0] as Capsule;
    if (stroke.length === 1 && first.ax === first.bx && first.ay === first.by) {
      dots.push(`<circle cx="${fmt(first.ax)}" cy="${fmt(first.ay)}" r="${fmt(first.width / 2)}"/>`);
      continue;
    }
    let run = '';
    let runWidth = -1;
    for (const c of stroke) {
      const w = Math.round(c.width * 2) / 2;
      if (w !== runWidth) {
        if (run !== '') paths.push(`<path d="${run}" stroke-width="${runWidth}"/>`);
        run = `M${fmt(c.ax)} ${fmt(c.ay)}`;
        runWidth = w;
      }
      run += `L${fmt(c.bx)} ${fmt(c.by)}`;
    }
    paths.push(`<path d="${run}" stroke-width="${runWidth}"/>`);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(o.widthMm)}mm" height="${fmt(o.heightMm)}mm" ` +
    `viewBox="0 0 ${g.width} ${g.height}">` +
    `<g fill="none" stroke="${o.color}" stroke-linecap="round" stroke-linejoin="round">${paths.join('')}</g>` +
    `<g fill="${o.color}" stroke="none">${dots.join('')}</g>` +
    `</svg>`
  );
}
