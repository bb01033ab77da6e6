import type { Signature, SignaturePoint } from '../../../contract/domain/signature.ts';

/** A canvas without pressure reports this, which is also the maximum. */
export const TOUCH_PRESSURE = 1;

export interface PointerSample {
  /** CSS pixels from the canvas's top-left corner. */
  x: number;
  y: number;
  /** 0…1, or null when the pointer gives no pressure. */
  pressure: number | null;
  /** The event's timeStamp in ms. */
  time: number;
}

const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);

/**
 * Builds a signature in the pad's format from pointer samples on a touch canvas: CSS-pixel units, pressure when
 * given else a constant 1, t in ms from the first point and never decreasing.
 */
export class TouchRecorder {
  private strokes: SignaturePoint[][] = [];
  private current: SignaturePoint[] | null = null;
  private t0: number | null = null;
  private lastT = 0;

  constructor(
    private width = 1,
    private height = 1,
  ) {}

  /** A new surface size starts over: points already taken were measured against the old one. */
  resize(width: number, height: number): void {
    this.width = Math.max(width, 1);
    this.height = Math.max(height, 1);
    this.clear();
  }

  clear(): void {
    this.strokes = [];
    this.current = null;
    this.t0 = null;
    this.lastT = 0;
  }

  get pointCount(): number {
    return this.strokes.reduce((n, s) => n + s.length, 0);
  }

  get strokeList(): readonly (readonly SignaturePoint[])[] {
    return this.strokes;
  }

  private point(s: PointerSample): SignaturePoint {
    this.t0 ??= s.time;
    this.lastT = Math.max(this.lastT, s.time - this.t0);
    return {
      x: clamp(s.x, this.width),
      y: clamp(s.y, this.height),
      p: s.pressure === null ? TOUCH_PRESSURE : clamp(s.pressure, TOUCH_PRESSURE),
      t: this.lastT,
    };
  }

  /** Pen down: starts a stroke with its first point. */
  down(sample: PointerSample): SignaturePoint {
    const p = this.point(sample);
    this.current = [p];
    this.strokes.push(this.current);
    return p;
  }

  /** Returns the point the stroke was at before, and the new one; null when no stroke is open. */
  move(sample: PointerSample): { from: SignaturePoint; to: SignaturePoint } | null {
    const stroke = this.current;
    const from = stroke?.at(-1);
    if (!stroke || !from) return null;
    const to = this.point(sample);
    stroke.push(to);
    return { from, to };
  }

  up(): void {
    this.current = null;
  }

  signature(): Signature {
    return {
      width: this.width,
      height: this.height,
      maxPressure: TOUCH_PRESSURE,
      strokes: this.strokes.map((points) => ({ points: points.map((p) => ({ ...p })) })),
    };
  }
}
