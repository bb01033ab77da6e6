import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { signatureFromRecording } from '../../../native/sigpad/recording.ts';
import { renderSignaturePng } from '../../../native/sigpad/render-png.ts';
import { renderSignatureSvg } from '../../../native/sigpad/render-svg.ts';
import type { Signature } from '../../../contract/domain/signature.ts';
import { layouts, recording, RECORDINGS } from './helpers.ts';

let signature: Signature;
beforeAll(async () => {
  signature = signatureFromRecording(await recording(RECORDINGS.stu430), layouts);
});

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
}

/** Just enough XML to check the SVG's structure: elements, attributes, nesting; throws on anything else. */
function parseXml(text: string): Element {
  const root: Element = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  const tag = /<(\/?)([a-z]+)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < text.length) {
    tag.lastIndex = at;
    const m = tag.exec(text);
    if (m === null) throw new Error(`not a tag at ${at}: ${text.slice(at, at + 40)}`);
    at = tag.lastIndex;
    const [, close, name, attrText, selfClose] = m as unknown as [string, string, string, string, string];
    if (close) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attrs = Object.fromEntries([...attrText.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    const element: Element = { name, attrs, children: [] };
    stack.at(-1)?.children.push(element);
    if (!selfClose) stack.push(element);
  }
  if (stack.length !== 1) throw new Error('unclosed element');
  return root.children[0] as Element;
}

async function inkBox(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  let inked = 0;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if ((data[(y * info.width + x) * info.channels + 3] as number) === 0) continue;
      inked++;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return { x0, y0, x1, y1, inked };
}

describe('SVG', () => {
  it('is well-formed: one svg of groups holding paths, sized in mm with a pixel viewBox', () => {
    const svg = parseXml(renderSignatureSvg(signature));
    expect(svg.name).toBe('svg');
    expect(svg.attrs).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      width: '60mm',
      height: '30mm',
      viewBox: '0 0 1417 709',
    });
    expect(svg.children.map((c) => c.name)).toEqual(['g', 'g']);
    const [lines, dots] = svg.children as [Element, Element];
    expect(lines.attrs).toMatchObject({ fill: 'none', stroke: '#000000', 'stroke-linecap': 'round' });
    expect(lines.children.length).toBeGreaterThanOrEqual(signature.strokes.length);
    expect(dots.children).toEqual([]);
  });

  it('keeps every coordinate inside the image and every width within the pen range', () => {
    const svg = parseXml(renderSignatureSvg(signature));
    const pxPerMm = 600 / 25.4;
    for (const path of svg.children[0]?.children ?? []) {
      expect(path.name).toBe('path');
      const d = path.attrs['d'] as string;
      expect(d).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+$/);
      const numbers = d.match(/[\d.]+/g)?.map(Number) ?? [];
      numbers.forEach((n, i) => {
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(i % 2 === 0 ? 1417 : 709);
      });
      const width = Number(path.attrs['stroke-width']);
      expect(width).toBeGreaterThanOrEqual(Math.floor(0.25 * pxPerMm * 2) / 2);
      expect(width).toBeLessThanOrEqual(Math.ceil(0.9 * pxPerMm * 2) / 2);
    }
  });

  it('draws a one-point stroke as a dot', () => {
    const dot: Signature = { width: 100, height: 100, maxPressure: 10, strokes: [{ points: [{ x: 50, y: 50, p: 10, t: 0 }] }] };
    const svg = parseXml(renderSignatureSvg(dot, { color: '#1a237e' }));
    expect(svg.children[1]?.children).toEqual([
      { name: 'circle', attrs: { cx: expect.any(String), cy: expect.any(String), r: '10.63' }, children: [] },
    ]);
    expect(svg.children[1]?.attrs['fill']).toBe('#1a237e');
  });

  it('widens the line with pressure', () => {
    const line = (p: number): Signature => ({
      width: 100,
      height: 100,
      maxPressure: 100,
      strokes: [{ points: [{ x: 10, y: 50, p, t: 0 }, { x: 90, y: 50, p, t: 10 }] }],
    });
    const width = (p: number) => Number(parseXml(renderSignatureSvg(line(p))).children[0]?.children[0]?.attrs['stroke-width']);
    expect(width(0)).toBeLessThan(width(50));
    expect(width(50)).toBeLessThan(width(100));
  });
});

describe('PNG', () => {
  it('is 60 × 30 mm at 600 dpi by default: 1417 × 709 px with 600 dpi recorded, transparent background', async () => {
    const png = await renderSignaturePng(signature);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1417, height: 709, density: 600, channels: 4, hasAlpha: true });
    const box = await inkBox(png);
    expect(box.inked).toBeGreaterThan(10_000);
    expect(box.inked).toBeLessThan(1417 * 709 * 0.5);
  });

  it('takes another size and resolution', async () => {
    const meta = await sharp(await renderSignaturePng(signature, { widthMm: 50, heightMm: 20, dpi: 300 })).metadata();
    expect(meta).toMatchObject({ width: 591, height: 236, density: 300 });
  });

  it('crops to the ink with the margin kept clear, or keeps the pad as drawn', async () => {
    const pxPerMm = 600 / 25.4;
    const ink = await inkBox(await renderSignaturePng(signature, { marginMm: 2 }));
    const pad = await inkBox(await renderSignaturePng(signature, { fit: 'pad', marginMm: 2 }));
    for (const box of [ink, pad]) {
      expect(box.x0).toBeGreaterThanOrEqual(Math.floor(2 * pxPerMm) - 1);
      expect(box.y0).toBeGreaterThanOrEqual(Math.floor(2 * pxPerMm) - 1);
      expect(box.x1).toBeLessThanOrEqual(1417 - Math.floor(2 * pxPerMm));
      expect(box.y1).toBeLessThanOrEqual(709 - Math.floor(2 * pxPerMm));
    }
    // Cropped, the ink fills the height or the width of the image; fitting the whole pad leaves it smaller.
    const fills = (b: typeof ink) => Math.max((b.x1 - b.x0) / 1417, (b.y1 - b.y0) / 709);
    expect(fills(ink)).toBeGreaterThan(0.85);
    expect(fills(pad)).toBeLessThan(fills(ink));
  });

  it('renders an empty signature as a blank image rather than failing', async () => {
    const png = await renderSignaturePng({ width: 10, height: 10, maxPressure: 1, strokes: [] });
    expect((await inkBox(png)).inked).toBe(0);
  });

  it('draws in the requested colour', async () => {
    const { data } = await sharp(await renderSignaturePng(signature, { color: '#1a237e' }))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const opaque = data.findIndex((v, i) => i % 4 === 3 && v === 255);
    expect([...data.subarray(opaque - 3, opaque + 1)]).toEqual([0x1a, 0x23, 0x7e, 255]);
  });
});
