/**
 * The one signature format shared by the USB pad and the touch-screen canvas: strokes of timed points in the
 * capturing surface's own units; part of the contract, so the renderer uses it as is.
 */
import { z } from 'zod';

export const SignaturePointSchema = z.strictObject({
  /** 0 ≤ x ≤ width, in surface units (pad coordinates, or CSS pixels on a canvas). */
  x: z.number().min(0),
  /** 0 ≤ y ≤ height; y grows downwards. */
  y: z.number().min(0),
  /** Pen pressure, 0 ≤ p ≤ maxPressure (a canvas without pressure reports a constant). */
  p: z.number().min(0),
  /** Milliseconds since the first point of the signature; never decreases. */
  t: z.number().min(0),
});
export type SignaturePoint = z.infer<typeof SignaturePointSchema>;

/**
 * Bounds far above any signature (a long name written slowly is a few dozen strokes, a few thousand points) and
 * low enough that drawing one never holds up the devices: the pad, the reader and the printers share its process.
 */
export const SIGNATURE_LIMITS = {
  strokes: 300,
  pointsPerStroke: 4000,
  points: 20_000,
  side: 20_000,
  /** The pen's whole path, in lengths of the surface's longer side: drawing costs path length times pen width. */
  pathSides: 200,
} as const;

export const SignatureStrokeSchema = z.strictObject({
  /** Pen down to pen up. A single point is a dot (点), which Chinese characters have many of. */
  points: z.array(SignaturePointSchema).min(1).max(SIGNATURE_LIMITS.pointsPerStroke),
});
export type SignatureStroke = z.infer<typeof SignatureStrokeSchema>;

export const SignatureSchema = z
  .strictObject({
    width: z.number().positive().max(SIGNATURE_LIMITS.side),
    height: z.number().positive().max(SIGNATURE_LIMITS.side),
    maxPressure: z.number().positive(),
    strokes: z.array(SignatureStrokeSchema).max(SIGNATURE_LIMITS.strokes),
  })
  .superRefine((sig, ctx) => {
    const points = sig.strokes.reduce((n, s) => n + s.points.length, 0);
    if (points > SIGNATURE_LIMITS.points) {
      ctx.addIssue({ code: 'custom', path: ['strokes'], message: `${points} points: at most ${SIGNATURE_LIMITS.points}` });
      return;
    }
    let path = 0;
    for (const { points: pts } of sig.strokes) for (let i = 1; i < pts.length; i++) path += Math.hypot(pts[i]!.x - pts[i - 1]!.x, pts[i]!.y - pts[i - 1]!.y);
    const sides = path / Math.max(sig.width, sig.height);
    if (sides > SIGNATURE_LIMITS.pathSides) {
      ctx.addIssue({ code: 'custom', path: ['strokes'], message: `the pen travels ${Math.round(sides)} times across the surface: at most ${SIGNATURE_LIMITS.pathSides}` });
      return;
    }
    let lastT = 0;
    sig.strokes.forEach((stroke, s) => {
      stroke.points.forEach((pt, i) => {
        const path = ['strokes', s, 'points', i];
        if (pt.x > sig.width) ctx.addIssue({ code: 'custom', path: [...path, 'x'], message: 'x beyond width' });
        if (pt.y > sig.height) ctx.addIssue({ code: 'custom', path: [...path, 'y'], message: 'y beyond height' });
        if (pt.p > sig.maxPressure) {
          ctx.addIssue({ code: 'custom', path: [...path, 'p'], message: 'pressure beyond maxPressure' });
        }
        if (pt.t < lastT) ctx.addIssue({ code: 'custom', path: [...path, 't'], message: 'time goes backwards' });
        lastT = pt.t;
      });
    });
  });
export type Signature = z.infer<typeof SignatureSchema>;

