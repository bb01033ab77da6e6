import { SIGNATURE_LIMITS, type Signature } from '../../contract/domain/signature.ts';

/**
 * The costliest signature the contract lets through: the most strokes and points, on the largest surface, the pen
 * travelling as far as allowed in long strokes corner to corner, the rest of the points packed along them. What
 * drawing it takes is the longest one request can hold the devices for.
 */
export function worstSignature(): Signature {
  const width = SIGNATURE_LIMITS.side;
  const height = width / 2;
  const perStroke = Math.floor(SIGNATURE_LIMITS.points / SIGNATURE_LIMITS.strokes);
  // The strokes share the allowed path, a margin under it for the slope of each crossing.
  const crossings = (SIGNATURE_LIMITS.pathSides * 0.85) / SIGNATURE_LIMITS.strokes;
  let t = 0;
  const strokes = Array.from({ length: SIGNATURE_LIMITS.strokes }, (_, s) => ({
    points: Array.from({ length: perStroke }, (_, i) => {
      const along = (i / (perStroke - 1)) * crossings;
      const leg = Math.floor(along);
      const f = along - leg;
      return { x: (leg % 2 === 0 ? f : 1 - f) * width, y: ((s + 0.5) / SIGNATURE_LIMITS.strokes) * height * (1 - 0.5 * f), p: 1024, t: t++ };
    }),
  }));
  return { width, height, maxPressure: 1024, strokes };
}
