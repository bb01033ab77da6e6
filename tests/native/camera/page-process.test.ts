import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { StationError } from '../../../contract/domain/errors.ts';
import { CameraBadImageError, CameraTooSmallError, type CameraErrorCode } from '../../../native/camera/errors.ts';
import type { Quad } from '../../../native/camera/geometry.ts';
import { processPage, type ProcessedPage } from '../../../native/camera/page-process.ts';
import { PAGE, syntheticStill, tiltedPage } from '../../../scripts/lib/synthetic-still.ts';

const WIDTH = 1600;
const HEIGHT = 1200;
const A4 = Math.SQRT2;

interface Rgb {
  data: Buffer;
  width: number;
  height: number;
}

async function decode(jpeg: Buffer): Promise<Rgb> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  return { data, width: info.width, height: info.height };
}

/** Share of "ink" pixels (all channels dark, so red stamp pixels do not count) on each row, between two columns. */
function inkProfile(img: Rgb, fromX: number, toX: number): number[] {
  const x0 = Math.round(fromX * img.width);
  const x1 = Math.round(toX * img.width);
  return Array.from({ length: img.height }, (_, y) => {
    let ink = 0;
    for (let x = x0; x < x1; x++) {
      const o = (y * img.width + x) * 3;
      if (Math.max(img.data[o]!, img.data[o + 1]!, img.data[o + 2]!) < 100) ink++;
    }
    return ink / (x1 - x0);
  });
}

/** Runs of consecutive rows whose ink share is above `level`, as [first, last] row. */
function runs(profile: number[], level: number): [number, number][] {
  const out: [number, number][] = [];
  profile.forEach((v, y) => {
    if (v <= level) return;
    const last = out[out.length - 1];
    if (last && last[1] === y - 1) last[1] = y;
    else out.push([y, y]);
  });
  return out;
}

const isRed = (img: Rgb, i: number) => {
  const [r, g, b] = [img.data[i * 3]!, img.data[i * 3 + 1]!, img.data[i * 3 + 2]!];
  return r > 150 && g < 100 && b < 100;
};

function expectCornersNear(found: Quad | null, truth: Quad) {
  expect(found).not.toBeNull();
  found!.forEach((p, i) => {
    expect(Math.abs(p.x - truth[i]!.x), `corner ${i} x`).toBeLessThan(0.02 * WIDTH);
    expect(Math.abs(p.y - truth[i]!.y), `corner ${i} y`).toBeLessThan(0.02 * HEIGHT);
  });
}

describe('processPage on an A4 form turned 12° and in perspective on a wood desk', () => {
  const truth = tiltedPage(WIDTH, HEIGHT, 12, 0.12);
  let still: Buffer;
  let page: ProcessedPage;
  let out: Rgb;

  beforeAll(async () => {
    still = await syntheticStill({ width: WIDTH, height: HEIGHT, page: truth, seed: 1 });
    page = await processPage(still);
    out = await decode(page.jpeg);
  });

  it('finds the page corners within 2% of the frame', () => {
    expect(page.detected).toBe(true);
    expectCornersNear(page.corners, truth);
  });

  it("straightens the page to A4's aspect ratio", () => {
    expect(out.width).toBe(page.width);
    expect(out.height).toBe(page.height);
    expect(Math.abs(page.height / page.width - A4) / A4).toBeLessThan(0.03);
  });

  it('makes the text lines horizontal: every line is a sharp peak in the row profile of ink', () => {
    // Left of the stamp, where every line has words, even the short last lines of paragraphs.
    const profile = inkProfile(out, 0.12, 0.55);
    const bodyTop = Math.round(((PAGE.lines[0]!.top - 20) / PAGE.height) * out.height);
    // Rows with any ink at all: each line must stand alone, separated from the next by clean paper.
    const lines = runs(profile.slice(bodyTop), 0.02);
    expect(lines).toHaveLength(PAGE.lines.length);
    const lineHeight = (PAGE.lines[0]!.height / PAGE.height) * out.height;
    for (const [first, last] of lines) {
      // A residual tilt of 1° smears each line over ~5 more rows of this band; straight lines stay within ~1.
      expect(last - first + 1).toBeLessThanOrEqual(lineHeight + 3.5);
      expect(Math.max(...profile.slice(bodyTop + first, bodyTop + last + 1))).toBeGreaterThan(0.5);
    }
  });

  it('keeps the red stamp red, where it was on the page', () => {
    const { cx, cy, r } = PAGE.stamp;
    const box = {
      x0: Math.floor(((cx - 1.3 * r) / PAGE.width) * out.width),
      x1: Math.ceil(((cx + 1.3 * r) / PAGE.width) * out.width),
      y0: Math.floor(((cy - 1.3 * r) / PAGE.height) * out.height),
      y1: Math.ceil(((cy + 1.3 * r) / PAGE.height) * out.height),
    };
    let inside = 0;
    let outside = 0;
    for (let y = 0; y < out.height; y++) {
      for (let x = 0; x < out.width; x++) {
        if (!isRed(out, y * out.width + x)) continue;
        if (x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1) inside++;
        else outside++;
      }
    }
    const ringArea = 2 * Math.PI * r * PAGE.stamp.stroke * (out.width / PAGE.width) ** 2;
    expect(inside).toBeGreaterThan(0.6 * ringArea);
    expect(outside).toBeLessThan(0.01 * inside);
  });

  it('comes out with a white page and black ink', () => {
    const luma = Array.from({ length: out.width * out.height }, (_, i) =>
      Math.round(0.299 * out.data[i * 3]! + 0.587 * out.data[i * 3 + 1]! + 0.114 * out.data[i * 3 + 2]!),
    ).sort((a, b) => a - b);
    expect(luma[Math.floor(luma.length / 2)]).toBeGreaterThan(235);
    expect(luma[Math.floor(luma.length * 0.02)]).toBeLessThan(40);
  });

  it('reports the SHA-256 of the JPEG bytes, a 4:2:0 JPEG at the stated quality', async () => {
    expect(page.sha256).toBe(createHash('sha256').update(page.jpeg).digest('hex'));
    expect(page.quality).toBe(85);
    const meta = await sharp(page.jpeg).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.chromaSubsampling).toBe('4:2:0');
    expect([meta.width, meta.height]).toEqual([page.width, page.height]);
  });

  it('gives the same bytes for the same still', async () => {
    expect((await processPage(still)).sha256).toBe(page.sha256);
  });

  it('honours quality and maxLongSide, never enlarging', async () => {
    const small = await processPage(still, { quality: 60, maxLongSide: 600 });
    expect(small.quality).toBe(60);
    expect(Math.max(small.width, small.height)).toBe(600);
    expect(Math.abs(small.height / small.width - page.height / page.width)).toBeLessThan(0.01);
    const roomy = await processPage(still, { maxLongSide: 5000 });
    expect([roomy.width, roomy.height]).toEqual([page.width, page.height]);
    await expect(processPage(still, { quality: 0 })).rejects.toThrow(RangeError);
    await expect(processPage(still, { maxLongSide: 1.5 })).rejects.toThrow(RangeError);
  });

  it('reads the EXIF orientation, so corners are in the upright frame', async () => {
    // Stored turned a quarter to the left, tagged to be shown turned back.
    const sideways = await sharp(still).rotate(-90).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toBuffer();
    const turned = await processPage(sideways);
    expect(turned.detected).toBe(true);
    expectCornersNear(turned.corners, truth);
  });
});

describe('processPage on other stills', () => {
  it('straightens a page turned the other way, from a PNG', async () => {
    const truth = tiltedPage(WIDTH, HEIGHT, -20, 0.06, 0.78);
    const still = await syntheticStill({ width: WIDTH, height: HEIGHT, page: truth, seed: 2, format: 'png' });
    const page = await processPage(still);
    expect(page.detected).toBe(true);
    expectCornersNear(page.corners, truth);
    expect(Math.abs(page.height / page.width - A4) / A4).toBeLessThan(0.03);
  });

  it('keeps the whole frame of a desk with no paper on it', async () => {
    const still = await syntheticStill({ width: WIDTH, height: HEIGHT, page: null, seed: 3 });
    const page = await processPage(still);
    expect(page.detected).toBe(false);
    expect(page.corners).toBeNull();
    expect([page.width, page.height]).toEqual([WIDTH, HEIGHT]);
    expect(page.sha256).toBe(createHash('sha256').update(page.jpeg).digest('hex'));
  });

  it('keeps the whole frame when the paper is too small a part of it', async () => {
    const still = await syntheticStill({ width: WIDTH, height: HEIGHT, page: tiltedPage(WIDTH, HEIGHT, 5, 0, 0.4), seed: 4 });
    const page = await processPage(still);
    expect(page.detected).toBe(false);
    expect([page.width, page.height]).toEqual([WIDTH, HEIGHT]);
  });
});

describe('processPage on unusable input', () => {
  const expectCameraError = async (input: Uint8Array, code: CameraErrorCode) => {
    const error = await processPage(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StationError);
    expect((error as StationError).code).toBe(code);
    expect((error as StationError).kind).toBe('input');
    return error as StationError;
  };

  it('says camera.bad-image for garbage, nothing, a truncated JPEG or another format', async () => {
    let s = 1;
    const garbage = Uint8Array.from({ length: 4096 }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24));
    expect(await expectCameraError(garbage, 'camera.bad-image')).toBeInstanceOf(CameraBadImageError);
    await expectCameraError(new Uint8Array(0), 'camera.bad-image');
    const jpeg = await syntheticStill({ width: 640, height: 480, page: null, seed: 5 });
    await expectCameraError(jpeg.subarray(0, jpeg.length >> 1), 'camera.bad-image');
    const webp = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#808080' } }).webp().toBuffer();
    await expectCameraError(webp, 'camera.bad-image');
  });

  it('says camera.too-small for a still too small to read, with its size', async () => {
    const tiny = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#808080' } }).png().toBuffer();
    const error = await expectCameraError(tiny, 'camera.too-small');
    expect(error).toBeInstanceOf(CameraTooSmallError);
    expect(error.params).toMatchObject({ width: 320, height: 240 });
  });

  it('has a message for every camera error, in Chinese and English, with the same placeholders', () => {
    const codes: CameraErrorCode[] = ['camera.bad-image', 'camera.too-small'];
    const table = (locale: string) =>
      JSON.parse(readFileSync(new URL(`../../../assets/messages/${locale}/camera.json`, import.meta.url), 'utf8')) as Record<string, string>;
    const zh = table('zh-CN');
    const en = table('en');
    expect(Object.keys(zh).sort()).toEqual([...codes].sort());
    expect(Object.keys(en).sort()).toEqual([...codes].sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of codes) expect(placeholders(en[code]!)).toEqual(placeholders(zh[code]!));
  });
});
