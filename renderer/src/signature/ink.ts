import type { SignaturePoint } from '../../../contract/domain/signature.ts';

const INK = '#111111';
/** Line width in canvas pixels at scale 1 (CSS pixels on the touch canvas). */
const WIDTH = 3;

/** Draws `points` continuing a stroke whose last drawn point is `from` (none: the stroke starts here). */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  scale: number,
  from: SignaturePoint | undefined,
  points: readonly SignaturePoint[],
  lineScale = scale,
): void {
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineWidth = WIDTH * lineScale;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  let prev = from;
  for (const p of points) {
    ctx.beginPath();
    if (prev === undefined) {
      // A single point is a dot (点), which Chinese characters have many of.
      ctx.arc(p.x * scale, p.y * scale, (WIDTH * lineScale) / 2, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.moveTo(prev.x * scale, prev.y * scale);
      ctx.lineTo(p.x * scale, p.y * scale);
      ctx.stroke();
    }
    prev = p;
  }
}

/** Clears the canvas and draws every stroke again. */
export function redraw(
  ctx: CanvasRenderingContext2D,
  scale: number,
  strokes: Iterable<readonly SignaturePoint[]>,
  lineScale = scale,
): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  for (const points of strokes) drawPoints(ctx, scale, undefined, points, lineScale);
}
