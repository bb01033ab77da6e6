import { describe, expect, it } from 'vitest';
import type { FaceChallenge } from '../../../contract/domain/face-check.ts';
import { chipToImage } from '../../../native/face/align.ts';
import { DEFAULT_LIVENESS, LivenessCheck, measureParallax, type LivenessSample, type LivenessVerdict } from '../../../native/face/liveness.ts';
import { poseMeasures, type QualityMeasures } from '../../../native/face/quality.ts';
import { apply, invert, type Point } from '../../../native/face/warp.ts';
import { HEAD_68, project, turnHead, type Camera, type Point3 } from '../../../scripts/face/head-template.ts';
import { mulberry32 } from '../../../scripts/lib/seeded-random.ts';

const CAMERA: Camera = { width: 640, height: 480, scale: 200, distance: 3.5, centre: { x: 320, y: 240 } };
const STEP_MS = 100;
const START_MS = 1_000_000;

/** A sample as FaceEngine would give it for these landmarks: the pose read from them, the rest a fit face. */
function sample(landmarks: Point[], atMs: number): LivenessSample {
  const inChip = landmarks.map((p) => apply(invert(chipToImage(landmarks, 150)), p));
  const quality: QualityMeasures = { faceWidth: 200, centreOffset: 0, brightness: 120, sharpness: 100, eyeLuma: 0.8, ...poseMeasures(landmarks, inChip) };
  return { atMs, landmarks, quality };
}


/** The head turned by `yawDeg` (positive: to the person's own left), as the camera sees it. */
const head = (yawDeg: number, camera = CAMERA, points: readonly Point3[] = HEAD_68): Point[] =>
  points.map((p) => project(turnHead(p, yawDeg), camera)).map(({ x, y }) => ({ x, y }));

/** Half a second frontal, a turn to `peak` degrees and back at 5° a frame, then frontal again. */
function turnYaws(peak: number): number[] {
  const steps = Math.round(Math.abs(peak) / 5);
  const out = Array.from({ length: steps }, (_, i) => (peak * (i + 1)) / steps);
  return [0, 0, 0, 0, 0, ...out, ...out.slice(0, -1).reverse(), 0, 0];
}

/** Feeds frames 100 ms apart, then holds the last one until past the time limit; the first final verdict. */
function run(challenge: FaceChallenge, frames: Point[][]): { verdict: LivenessVerdict; prompts: string[]; at: number } {
  const check = new LivenessCheck(challenge, START_MS);
  const prompts: string[] = [];
  const total = Math.max(frames.length, DEFAULT_LIVENESS.timeLimitMs / STEP_MS + 2);
  for (let i = 0; i < total; i++) {
    const verdict = check.add(sample(frames[Math.min(i, frames.length - 1)]!, START_MS + i * STEP_MS));
    if (verdict.state !== 'waiting') return { verdict, prompts, at: i };
    if (prompts.at(-1) !== verdict.prompt) prompts.push(verdict.prompt);
  }
  throw new Error('no verdict past the time limit');
}

const noisy = (frames: Point[][], seed: number, amplitude = 1): Point[][] => {
  const random = mulberry32(seed);
  return frames.map((f) => f.map((p) => ({ x: p.x + (2 * random() - 1) * amplitude, y: p.y + (2 * random() - 1) * amplitude })));
};

/** The template pressed flat (every point in the plane of the eyes): a printed photo of the frontal face. */
const FLAT_68: Point3[] = HEAD_68.map((p) => ({ ...p, z: 0 }));

/** The flat photo turned by `yawDeg` and tilted back by `pitchDeg` about its own middle, held closer than a head. */
function card(yawDeg: number, pitchDeg = 0): Point[] {
  const pivot = { x: 0.49, y: 0.5, z: 0 };
  const a = (pitchDeg * Math.PI) / 180;
  const tilted = FLAT_68.map((p) => turnHead(p, yawDeg, pivot)).map((p) => {
    const y = p.y - pivot.y, z = p.z;
    return { x: p.x, y: pivot.y + y * Math.cos(a) - z * Math.sin(a), z: y * Math.sin(a) + z * Math.cos(a) };
  });
  return tilted.map((p) => project(p, { ...CAMERA, distance: 2 }, pivot)).map(({ x, y }) => ({ x, y }));
}

/** Closes both eyes: the upper lids (37, 38; 43, 44) down onto the lower (41, 40; 47, 46). */
function closedEyes(landmarks: Point[]): Point[] {
  const out = landmarks.map((p) => ({ ...p }));
  for (const [upper, lower] of [[37, 41], [38, 40], [43, 47], [44, 46]] as const) {
    const u = out[upper]!, l = out[lower]!;
    out[upper] = { x: (3 * l.x + u.x) / 4, y: (3 * l.y + u.y) / 4 };
    out[lower] = { x: (3 * l.x + u.x) / 4, y: (3 * l.y + u.y) / 4 + 0.5 };
  }
  return out;
}

describe('the 3D template', () => {
  it('gives a frontal face a yaw of 0.5, and turning to its own left moves the nose to the picture right', () => {
    const frontal = sample(head(0), 0).quality;
    expect(frontal.yaw).toBeCloseTo(0.5, 3);
    expect(frontal.eyeOpenness).toBeGreaterThan(0.25);
    const left = head(20);
    expect(left[30]!.x).toBeGreaterThan(head(0)[30]!.x + 20);
    expect(sample(left, 0).quality.yaw).toBeGreaterThan(0.5 + DEFAULT_LIVENESS.turnYaw);
    expect(sample(head(-20), 0).quality.yaw).toBeLessThan(0.5 - DEFAULT_LIVENESS.turnYaw);
  });
});

describe('turn challenges', () => {
  it('a turn to the left passes turn-left, and times out turn-right', () => {
    const frames = turnYaws(25).map((y) => head(y));
    const left = run('turn-left', frames);
    expect(left.verdict.state).toBe('passed');
    expect(left.prompts).toEqual(['face.hold-still', 'face.do.turn-left']);
    expect(left.verdict.state === 'passed' && left.verdict.parallax).toBeGreaterThan(DEFAULT_LIVENESS.minParallax);
    expect(run('turn-right', frames).verdict).toMatchObject({ state: 'failed', failure: 'face.liveness-timeout' });
  });

  it('a turn to the right passes turn-right, and times out turn-left', () => {
    const frames = turnYaws(-25).map((y) => head(y));
    expect(run('turn-right', frames).verdict.state).toBe('passed');
    expect(run('turn-left', frames).verdict).toMatchObject({ state: 'failed', failure: 'face.liveness-timeout' });
  });

  it('asks to look straight until the face is frontal, and to hold still until it is steady', () => {
    const frames = [head(20), head(20), head(0), head(3), head(0), head(0), head(0), ...turnYaws(25).slice(5).map((y) => head(y))];
    expect(run('turn-left', frames).prompts).toEqual(['face.look-straight', 'face.hold-still', 'face.do.turn-left']);
  });

  it('passes both turns with ±1 px of landmark noise, on a face as large as the template and on a smaller one', () => {
    const small: Camera = { ...CAMERA, scale: 110 };
    for (let seed = 1; seed <= 25; seed++) {
      for (const camera of [CAMERA, small]) {
        expect(run('turn-left', noisy(turnYaws(25).map((y) => head(y, camera)), seed)).verdict.state, `seed ${seed}`).toBe('passed');
        expect(run('turn-right', noisy(turnYaws(-25).map((y) => head(y, camera)), seed)).verdict.state, `seed ${seed}`).toBe('passed');
      }
    }
  });

  it('a turn too shallow to show depth is not passed: it keeps asking for the turn until time is up', () => {
    const r = run('turn-left', turnYaws(10).map((y) => head(y)));
    expect(sample(head(10), 0).quality.yaw).toBeGreaterThan(0.5 + DEFAULT_LIVENESS.turnYaw);
    expect(r.prompts).toEqual(['face.hold-still', 'face.do.turn-left']);
    expect(r.verdict.state).toBe('failed');
  });

  it('a turn that stays frontal until time is up fails by timeout, with its parallax', () => {
    const r = run('turn-left', [head(0)]);
    expect(r.verdict).toMatchObject({ state: 'failed', failure: 'face.liveness-timeout' });
    expect(r.verdict.state === 'failed' && r.verdict.parallax).toBeLessThan(1e-9);
    expect(r.at).toBe(DEFAULT_LIVENESS.timeLimitMs / STEP_MS + 1);
  });

  it('a face never frontal times out without a parallax', () => {
    expect(run('turn-left', [head(30)]).verdict).toEqual({ state: 'failed', failure: 'face.liveness-timeout', parallax: null });
  });
});

describe('flat pictures', () => {
  it('a photo turned and tilted in front of the camera fails flat, with or without noise', () => {
    const moves = [0, 0, 0, 0, 0, 10, 20, 30, 40, 30, 20, 10, 0, -10, -20, -30, -40];
    for (const frames of [moves.map((y) => card(y, y / 2)), noisy(moves.map((y) => card(y, -y / 3)), 7)]) {
      const r = run('turn-left', frames);
      expect(r.verdict).toMatchObject({ state: 'failed', failure: 'face.liveness-flat' });
      expect(r.verdict.state === 'failed' && r.verdict.parallax).toBeLessThan(DEFAULT_LIVENESS.minParallax);
    }
  });

  it('a flat picture warped to look turned is not passed, and fails flat when time is up', () => {
    // A photo of the frontal face, stretched on the right and squeezed on the left by a strong keystone: the nose
    // lands off the jaw's middle as if turned, but every point is one homography of the frontal frame.
    const frontal = head(0);
    const keystone = (k: number) => frontal.map(({ x, y }) => {
      const w = 1 - k * (x - 320) / 320;
      return { x: 320 + (x - 320) / w + k * 400, y: 240 + (y - 240) / w };
    });
    const frames = [frontal, frontal, frontal, frontal, ...Array.from({ length: 10 }, (_, i) => keystone(-0.12 * (i + 1)))];
    const yaws = frames.map((f) => sample(f, 0).quality.yaw);
    expect(Math.max(...yaws)).toBeGreaterThan(0.5 + DEFAULT_LIVENESS.turnYaw);
    expect(run('turn-left', frames).verdict).toMatchObject({ state: 'failed', failure: 'face.liveness-flat' });
  });

  it('judges every random homography of a face flat: no parallax, and never passed', () => {
    const random = mulberry32(2024);
    const frontal = head(0);
    const between = (lo: number, hi: number) => lo + (hi - lo) * random();
    let flat = 0;
    for (let n = 0; n < 300; n++) {
      const h = [1 + between(-0.3, 0.3), between(-0.3, 0.3), between(-80, 80), between(-0.3, 0.3), 1 + between(-0.3, 0.3), between(-80, 80), between(-6e-4, 6e-4), between(-6e-4, 6e-4), 1];
      const map = (t: number) => frontal.map(({ x, y }) => {
        const m = h.map((v, i) => (i === 0 || i === 4 || i === 8 ? 1 : 0) * (1 - t) + v * t);
        const w = m[6]! * x + m[7]! * y + m[8]!;
        return { x: (m[0]! * x + m[1]! * y + m[2]!) / w, y: (m[3]! * x + m[4]! * y + m[5]!) / w };
      });
      const end = map(1);
      expect(measureParallax(frontal, end).parallax, `homography ${n}`).toBeLessThan(1e-6);
      const r = run(n % 3 === 0 ? 'blink' : n % 3 === 1 ? 'turn-left' : 'turn-right', [frontal, frontal, frontal, ...Array.from({ length: 8 }, (_, i) => map((i + 1) / 8))]);
      expect(r.verdict.state, `homography ${n}`).toBe('failed');
      if (measureParallax(frontal, end).motion >= DEFAULT_LIVENESS.minMotion) {
        expect(r.verdict).toMatchObject({ failure: 'face.liveness-flat' });
        flat++;
      }
    }
    expect(flat).toBeGreaterThan(200);
  });

  it('a still picture fails by timeout', () => {
    expect(run('turn-right', [head(0)]).verdict).toMatchObject({ state: 'failed', failure: 'face.liveness-timeout' });
    expect(run('blink', noisy(Array.from({ length: 90 }, () => head(0)), 3, 0.5)).verdict).toMatchObject({ state: 'failed', failure: 'face.liveness-timeout' });
  });
});

describe('the blink challenge', () => {
  const blink = (frames: Point[][], at: number) => frames.map((f, i) => (i === at || i === at + 1 ? closedEyes(f) : f));

  it('after a blink on a still head asks for a short turn, and passes on it either way', () => {
    const still = Array.from({ length: 10 }, () => head(0));
    for (const peak of [20, -20]) {
      const r = run('blink', [...blink(still, 6), ...turnYaws(peak).slice(5).map((y) => head(y))]);
      expect(r.verdict.state).toBe('passed');
      expect(r.prompts).toEqual(['face.hold-still', 'face.do.blink', 'face.do.turn-left']);
    }
  });

  it('passes at the blink when the head has already turned by itself', () => {
    const r = run('blink', blink([...turnYaws(-25), 0, 0, 0].map((y) => head(y)), 15));
    expect(r.verdict.state).toBe('passed');
    expect(r.at).toBe(17);
  });

  it('times out without a blink, even with a turn', () => {
    expect(run('blink', turnYaws(25).map((y) => head(y))).verdict).toMatchObject({ state: 'failed', failure: 'face.liveness-timeout' });
  });

  it('a blink on a flat picture (an animated photo) fails flat once it is turned', () => {
    const frontal = card(0);
    const frames = [...blink(Array.from({ length: 10 }, () => frontal), 6), ...[10, 20, 30, 40, 30, 20].map((y) => card(y))];
    expect(run('blink', frames).verdict).toMatchObject({ state: 'failed', failure: 'face.liveness-flat' });
  });
});
