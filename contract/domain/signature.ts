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

export const SignatureStrokeSchema = z.strictObject({
  /** Pen down to pen up. A single point is a dot (点), which Chinese characters have many of. */
  points: z.array(SignaturePointSchema).min(1),
});
export type SignatureStroke = z.infer<typeof SignatureStrokeSchema>;

export const SignatureSchema = z
  .strictObject({
    width: z.number().positive(),
    height: z.number().positive(),
    maxPressure: z.number().positive(),
    strokes: z.array(SignatureStrokeSchema),
  })
  .superRefine((sig, ctx) => {
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

