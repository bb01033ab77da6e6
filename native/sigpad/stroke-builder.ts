import type { Capability } from './layout.ts';
import type { PenSample } from './report-parser.ts';
import { SampleClock } from './sample-clock.ts';
import type { Signature, SignaturePoint, SignatureStroke } from '../../contract/domain/signature.ts';

/** What a sample did to the ink; 'up' carries the stroke's last point. */
export interface StrokeEvent {
  phase: 'down' | 'move' | 'up';
  stroke: number;
  point: SignaturePoint;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
/** Host clocks give microseconds; a tenth of a millisecond is finer than any pad samples. */
const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Pen down → points → pen up, in device units. A point is kept while the tip touches; lifting the pen or leaving
 * the range ends the stroke. Units become square when the sensor's x and y resolutions differ.
 */
export class StrokeBuilder {
  private readonly strokes: SignatureStroke[] = [];
  private current: SignaturePoint[] | undefined;
  private readonly clock = new SampleClock();
  /** Time of the signature's first point, so points count from 0. */
  private origin: number | undefined;
  private readonly scaleY: number;
  readonly width: number;
  readonly height: number;
  readonly maxPressure: number;

  constructor(private readonly capability: Capability) {
    const units = capability.unitsPerMm;
    this.scaleY = units === undefined ? 1 : units.x / units.y;
    this.width = capability.width;
    this.height = round2(capability.height * this.scaleY);
    this.maxPressure = capability.maxPressure;
  }

  get isEmpty(): boolean {
    return this.strokes.length === 0 && this.current === undefined;
  }

  /** Feeds one sample; returns what happened to the ink, if anything. */
  push(sample: PenSample): StrokeEvent | undefined {
    const t = this.clock.next(sample);
    const touching = sample.tip && sample.inRange;
    if (!touching) return this.penUp();
    this.origin ??= t;
    const point: SignaturePoint = {
      x: Math.min(Math.max(sample.x, 0), this.capability.width),
      y: round2(Math.min(Math.max(sample.y, 0), this.capability.height) * this.scaleY),
      p: Math.min(Math.max(sample.pressure, 0), this.maxPressure),
      t: round1(t - this.origin),
    };
    if (this.current === undefined) {
      this.current = [point];
      return { phase: 'down', stroke: this.strokes.length, point };
    }
    this.current.push(point);
    return { phase: 'move', stroke: this.strokes.length, point };
  }

  /** Ends the open stroke, if any (also used when a capture stops with the pen still down). */
  penUp(): StrokeEvent | undefined {
    const points = this.current;
    if (points === undefined) return undefined;
    this.current = undefined;
    this.strokes.push({ points });
    const last = points[points.length - 1] as SignaturePoint;
    return { phase: 'up', stroke: this.strokes.length - 1, point: last };
  }

  clear(): void {
    this.strokes.length = 0;
    this.current = undefined;
    this.origin = undefined;
    this.clock.reset();
  }

  /** The signature so far, open stroke included; the builder keeps going. */
  snapshot(): Signature {
    const strokes = this.strokes.map((s) => ({ points: [...s.points] }));
    if (this.current !== undefined) strokes.push({ points: [...this.current] });
    return { width: this.width, height: this.height, maxPressure: this.maxPressure, strokes };
  }
}
