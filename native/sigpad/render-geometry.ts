import type { Signature, SignaturePoint } from '../../contract/domain/signature.ts';

export interface RenderOptions {
  /** Physical size of the image, mm. Default 60 × 30, a signature box on an A4 form or receipt. */
  widthMm?: number;
  heightMm?: number;
  /** Default 600, print resolution. */
  dpi?: number;
  /** 'ink': crop to the ink's bounding box, then fit; 'pad': fit the whole pad surface as drawn. Default 'ink'. */
  fit?: 'ink' | 'pad';
  /** Blank border inside the image, mm. Default 1. */
  marginMm?: number;
  /** Line width at zero and at full pressure, mm. Default 0.25 and 0.9, like a gel pen. */
  penMm?: { min: number; max: number };
  /** '#rrggbb', default '#000000'. The background stays transparent so the image can lie on any form. */
  color?: string;
}

export type ResolvedOptions = Required<RenderOptions>;

const DEFAULTS: ResolvedOptions = {
  widthMm: 60,
  heightMm: 30,
  dpi: 600,
  fit: 'ink',
  marginMm: 1,
  penMm: { min: 0.25, max: 0.9 },
  color: '#000000',
};

/** Smallest share of the pad a cropped box may cover, so a lone dot is not blown up to fill the image. */
const MIN_CROP_SHARE = 0.1;

/** A straight piece of ink with round ends, in output pixels; a dot has a = b. */
export interface Capsule {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** Line width, px. */
  width: number;
}

export interface Geometry {
  options: ResolvedOptions;
  /** Image size, px. */
  width: number;
  height: number;
  /** Stroke by stroke, in drawing order. */
  strokes: Capsule[][];
}

function resolveOptions(options: RenderOptions): ResolvedOptions {
  return { ...DEFAULTS, ...options };
}

function sourceBox(sig: Signature, fit: ResolvedOptions['fit']) {
  const pad = { x0: 0, y0: 0, x1: sig.width, y1: sig.height };
  if (fit === 'pad' || sig.strokes.length === 0) return pad;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const stroke of sig.strokes) {
    for (const p of stroke.points) {
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
  }
  const minW = sig.width * MIN_CROP_SHARE;
  const minH = sig.height * MIN_CROP_SHARE;
  if (x1 - x0 < minW) [x0, x1] = [(x0 + x1 - minW) / 2, (x0 + x1 + minW) / 2];
  if (y1 - y0 < minH) [y0, y1] = [(y0 + y1 - minH) / 2, (y0 + y1 + minH) / 2];
  return { x0, y0, x1, y1 };
}

/**
 * Maps a signature onto the image: fitted (aspect kept) and centred inside the margin, each segment as wide as the
 * mean pressure of its two ends. The SVG and the PNG are both drawn from this, so they show the same ink.
 */
export function signatureGeometry(sig: Signature, options: RenderOptions = {}): Geometry {
  const o = resolveOptions(options);
  const pxPerMm = o.dpi / 25.4;
  const width = Math.max(1, Math.round(o.widthMm * pxPerMm));
  const height = Math.max(1, Math.round(o.heightMm * pxPerMm));
  const minW = o.penMm.min * pxPerMm;
  const spanW = (o.penMm.max - o.penMm.min) * pxPerMm;
  // The margin also keeps half the thickest line inside the image.
  const inset = o.marginMm * pxPerMm + (o.penMm.max * pxPerMm) / 2;
  const box = sourceBox(sig, o.fit);
  const scale = Math.max(
    0,
    Math.min((width - 2 * inset) / (box.x1 - box.x0), (height - 2 * inset) / (box.y1 - box.y0)),
  );
  const offX = (width - (box.x1 - box.x0) * scale) / 2 - box.x0 * scale;
  const offY = (height - (box.y1 - box.y0) * scale) / 2 - box.y0 * scale;
  const penWidth = (p: number) => minW + spanW * Math.min(1, Math.max(0, p / sig.maxPressure));

  const strokes = sig.strokes.map(({ points }) => {
    const first = points[0] as SignaturePoint;
    if (points.length === 1) {
      const x = first.x * scale + offX;
      const y = first.y * scale + offY;
      return [{ ax: x, ay: y, bx: x, by: y, width: penWidth(first.p) }];
    }
    const capsules: Capsule[] = [];
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1] as SignaturePoint;
      const b = points[i] as SignaturePoint;
      capsules.push({
        ax: a.x * scale + offX,
        ay: a.y * scale + offY,
        bx: b.x * scale + offX,
        by: b.y * scale + offY,
        width: penWidth((a.p + b.p) / 2),
      });
    }
    return capsules;
  });
  return { options: o, width, height, strokes };
}
