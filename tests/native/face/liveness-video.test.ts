import { beforeAll, describe, expect, it } from 'vitest';
import type { FaceChallenge } from '../../../contract/domain/face-check.ts';
import { decodeImage, type RgbImage } from '../../../native/face/decode.ts';
import { FaceEngine } from '../../../native/face/face-engine.ts';
import { DEFAULT_LIVENESS, LivenessCheck, type LivenessSample, type LivenessVerdict } from '../../../native/face/liveness.ts';
import { demoPhoto, portrait } from '../../../scripts/face/demo-faces.ts';
import { faceSource, FRAME_HEIGHT, FRAME_WIDTH, renderFlatReplay, renderHeadTurn, videoY4m, type FaceSource, type FaceVideo } from '../../../scripts/face/face-video.ts';

// The real engine on rendered clips, sampled at 10 frames a second as the kiosk sends them.
const FPS = 10;
const START_MS = 5_000_000;

let engine: FaceEngine;
let photo: Buffer;
let source: FaceSource;
let head: FaceVideo;
let flat: FaceVideo;
const described = new Map<FaceVideo, LivenessSample[]>();

/** Each frame described without the embedding, as a liveness frame is; a frame without a face is skipped. */
async function samples(video: FaceVideo): Promise<LivenessSample[]> {
  const out: LivenessSample[] = [];
  for (const [k, frame] of video.frames.entries()) {
    try {
      const d = await engine.describeImage(frame, { embed: false });
      out.push({ atMs: (k * 1000) / video.fps, landmarks: d.landmarks, quality: d.quality.measures });
    } catch {
      // No face in this frame: the kiosk prompts for it and sends the next.
    }
  }
  return out;
}

/** The clip played in a loop, as Chromium's fake camera plays its file, until the check decides. */
function play(challenge: FaceChallenge, clip: LivenessSample[], lengthMs: number): LivenessVerdict & { atMs: number } {
  const check = new LivenessCheck(challenge, START_MS);
  for (let loop = 0; loop * lengthMs <= DEFAULT_LIVENESS.timeLimitMs + lengthMs; loop++) {
    for (const s of clip) {
      const atMs = START_MS + loop * lengthMs + s.atMs;
      const verdict = check.add({ ...s, atMs });
      if (verdict.state !== 'waiting') return { ...verdict, atMs: atMs - START_MS };
    }
  }
  throw new Error('no verdict');
}

beforeAll(async () => {
  engine = await FaceEngine.load();
  const group = demoPhoto('sample5.jpg');
  const boxes = await engine.detect(await decodeImage(group));
  // The first face of sample5 looks at the camera (yaw 0.54): the one demo face frontal enough to start a check.
  photo = await portrait(group, boxes[0]!, 0.6);
  source = await faceSource(engine, photo);
  head = renderHeadTurn(source, { fps: FPS });
  flat = renderFlatReplay(source, { fps: FPS });
  for (const video of [head, flat]) described.set(video, await samples(video));
}, 60_000);

describe('the rendered head turn', () => {
  it('is 4 s of 640 × 480 frames with a face in every one', () => {
    expect(head.frames).toHaveLength(4 * FPS);
    expect(head.frames.every((f) => f.width === FRAME_WIDTH && f.height === FRAME_HEIGHT)).toBe(true);
    expect(described.get(head)).toHaveLength(head.frames.length);
    expect(Math.max(...head.yawDeg)).toBe(25);
    expect(Math.min(...head.yawDeg)).toBe(-25);
  });

  it('passes turn-left on its left turn and turn-right on its right turn, with parallax', () => {
    const clip = described.get(head)!;
    const left = play('turn-left', clip, 4000);
    const right = play('turn-right', clip, 4000);
    expect(left).toMatchObject({ state: 'passed' });
    expect(right).toMatchObject({ state: 'passed' });
    // The left turn is the first: right passes only on the second.
    expect(left.atMs).toBeLessThan(1300);
    expect(right.atMs).toBeGreaterThan(1900);
    expect(right.atMs).toBeLessThan(2700);
    for (const v of [left, right]) expect(v.state === 'passed' && v.parallax).toBeGreaterThan(DEFAULT_LIVENESS.minParallax);
  });

  it('still matches the source photo: frontal well under the threshold, turned 25° under it', async () => {
    const reference = await engine.describe(photo);
    const frontal = engine.decide(reference, await engine.describeImage(head.frames[0]!));
    expect(frontal.match).toBe(true);
    expect(frontal.distance).toBeLessThan(frontal.threshold / 2);
    const turned = head.yawDeg.indexOf(25);
    expect(engine.decide(reference, await engine.describeImage(head.frames[turned]!)).match).toBe(true);
  });
});

describe('the flat replay', () => {
  it('has a face in most frames, and fails flat for every challenge', () => {
    const clip = described.get(flat)!;
    expect(clip.length).toBeGreaterThanOrEqual(0.9 * flat.frames.length);
    for (const challenge of ['turn-left', 'turn-right', 'blink'] as const) {
      const v = play(challenge, clip, 4000);
      expect(v, challenge).toMatchObject({ state: 'failed', failure: 'face.liveness-flat' });
      expect(v.state === 'failed' && v.parallax, challenge).toBeLessThan(DEFAULT_LIVENESS.minParallax);
    }
  });
});

describe('a still picture', () => {
  it('fails by timeout', async () => {
    const d = await engine.describeImage(source.frame, { embed: false });
    const still: LivenessSample[] = Array.from({ length: 4 * FPS }, (_, k) => ({ atMs: k * 100, landmarks: d.landmarks, quality: d.quality.measures }));
    for (const challenge of ['turn-left', 'turn-right', 'blink'] as const) {
      expect(play(challenge, still, 4000), challenge).toMatchObject({ state: 'failed', failure: 'face.liveness-timeout' });
    }
  });
});

describe('as a fake camera file', () => {
  it('writes a YUV4MPEG2 stream of every frame at the clip rate', () => {
    const file = videoY4m(head);
    const header = `YUV4MPEG2 W${FRAME_WIDTH} H${FRAME_HEIGHT} F${FPS}:1 Ip A1:1 C420jpeg\n`;
    expect(file.subarray(0, header.length).toString('ascii')).toBe(header);
    expect(file.length).toBe(header.length + head.frames.length * (6 + (FRAME_WIDTH * FRAME_HEIGHT * 3) / 2));
    // A frame's first luma byte is its top-left pixel's.
    const first: RgbImage = head.frames[0]!;
    const [r, g, b] = [first.rgb[0]!, first.rgb[1]!, first.rgb[2]!];
    expect(file[header.length + 6]).toBe(((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
  });
});
