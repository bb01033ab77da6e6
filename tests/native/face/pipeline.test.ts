import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/face/decode.ts';
import { FaceError, FaceQualityError } from '../../../native/face/errors.ts';
import { euclidean, FaceEngine } from '../../../native/face/face-engine.ts';
import { DEMO_PHOTOS, demoFaces, demoPhoto, variants, type DemoFace } from '../../../scripts/face/demo-faces.ts';

let engine: FaceEngine;
let faces: DemoFace[];
/** The demo face that passes every gate with the widest jaw: the base for the one-gate-at-a-time pictures. */
let frontal: { portrait: Buffer; landmarks: { x: number; y: number }[] };

beforeAll(async () => {
  engine = await FaceEngine.load();
  faces = await demoFaces(engine);
  let best = -1;
  for (const f of faces) {
    const d = await engine.describeImage(await decodeImage(f.portrait));
    if (d.quality.failed.length === 0 && d.quality.measures.faceWidth > best) {
      best = d.quality.measures.faceWidth;
      frontal = { portrait: f.portrait, landmarks: d.landmarks };
    }
  }
});

async function refusal(image: Uint8Array | Promise<Uint8Array>, enforceQuality = false): Promise<FaceError> {
  try {
    await engine.describe(await image, { enforceQuality });
  } catch (e) {
    if (e instanceof FaceError) return e;
    throw e;
  }
  throw new Error('the picture was accepted');
}

/** The gates a picture fails; a refusal of another kind (no face at all) as its own code, so the test says which. */
async function gatesOf(image: Uint8Array | Promise<Uint8Array>): Promise<string[]> {
  const e = await refusal(image, true);
  return e instanceof FaceQualityError ? e.gates : [e.code];
}

describe('detection on the demo photos', () => {
  it('finds the faces face-api finds, and refuses a group photo as several faces', async () => {
    const counts: number[] = [];
    for (const name of DEMO_PHOTOS) {
      const photo = demoPhoto(name);
      const boxes = await engine.detect(await decodeImage(photo));
      counts.push(boxes.length);
      for (const b of boxes) expect(b.width, name).toBeGreaterThan(200);
      if (boxes.length > 1) expect((await refusal(photo)).code, name).toBe('face.several-faces');
    }
    // face-api's tiny detector at 416 px finds the same (the parity test compares the boxes).
    expect(counts).toEqual([3, 1, 3, 3, 5, 5]);
    expect(faces.length).toBeGreaterThanOrEqual(18);
  });
});

describe('same person, different people', () => {
  it('matches every variant of a face in which a face is found, and finds most of them', async () => {
    const threshold = engine.info().threshold;
    const found = new Map<string, number>();
    for (const f of faces) {
      const base = (await engine.describe(f.portrait)).descriptor;
      for (const v of await variants(f.portrait)) {
        let d: number[];
        try {
          d = (await engine.describe(v.image)).descriptor;
        } catch {
          continue;
        }
        found.set(v.name, (found.get(v.name) ?? 0) + 1);
        expect(euclidean(base, d), `${f.id} ${v.name}`).toBeLessThan(threshold);
      }
    }
    for (const name of ['crop tighter', 'scale 0.5', 'scale 1.6', 'rotate 15', 'rotate -15', 'darker', 'brighter', 'jpeg q30', 'id photo 102x126']) {
      expect(found.get(name) ?? 0, name).toBeGreaterThanOrEqual(Math.ceil(0.7 * faces.length));
    }
  }, 300_000);

  it('keeps every two different people apart', async () => {
    const threshold = engine.info().threshold;
    const descriptors = await Promise.all(faces.map(async (f) => (await engine.describe(f.portrait)).descriptor));
    for (let i = 0; i < descriptors.length; i++) {
      for (let j = i + 1; j < descriptors.length; j++) {
        expect(euclidean(descriptors[i]!, descriptors[j]!), `${faces[i]!.id} ${faces[j]!.id}`).toBeGreaterThanOrEqual(threshold);
      }
    }
  });
});

describe('a description without the embedding', () => {
  it('gives the same landmarks and quality, no descriptor, and cannot be compared', async () => {
    const image = await decodeImage(frontal.portrait);
    const full = await engine.describeImage(image);
    const light = await engine.describeImage(image, { embed: false });
    expect(light.descriptor).toEqual([]);
    expect(full.descriptor).toHaveLength(128);
    expect(light.landmarks).toHaveLength(68);
    expect(light.landmarks).toEqual(full.landmarks);
    expect(light.quality).toEqual(full.quality);
    expect(() => engine.decide(light, full)).toThrow(/without its embedding/);
    // compare always embeds, whatever it is asked.
    expect((await engine.compare(frontal.portrait, frontal.portrait, { embed: false })).distance).toBe(0);
  });
});

describe('bad input', () => {
  const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#808080' } }).png().toBuffer();

  it('refuses what is not a whole picture, each with its reason', async () => {
    expect((await refusal(new Uint8Array())).code).toBe('face.bad-image');
    expect((await refusal(Buffer.from('这不是一张照片\n'))).code).toBe('face.bad-image');
    expect((await refusal(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))).code).toBe('face.bad-image');
    const jpeg = frontal.portrait;
    expect((await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).code).toBe('face.bad-image');
    const corrupt = Buffer.from(jpeg);
    corrupt.fill(0x55, 600, 2600);
    expect((await refusal(corrupt)).code).toMatch(/^face\.(bad-image|no-face)$/);
  });

  it('refuses 0×0 and 20000×20000 from the header alone', async () => {
    // A PNG whose header says so, with a valid checksum: nothing to decode, or far too much.
    const withSize = async (w: number, h: number) => {
      const bytes = Buffer.from(await png(8, 8));
      bytes.writeUInt32BE(w, 16);
      bytes.writeUInt32BE(h, 20);
      bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
      return bytes;
    };
    expect((await refusal(withSize(0, 0))).code).toBe('face.bad-image');
    const before = process.memoryUsage().rss;
    const huge = await refusal(withSize(20000, 20000));
    expect(huge.code).toBe('face.image-too-large');
    expect(huge.params).toMatchObject({ width: 20000, height: 20000 });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('says no face on a picture without one', async () => {
    expect((await refusal(png(640, 480))).code).toBe('face.no-face');
  });

  it('reads a CMYK JPEG, a PNG with alpha and an EXIF-rotated JPEG as the same face', async () => {
    const threshold = engine.info().threshold;
    const base = (await engine.describe(frontal.portrait)).descriptor;
    const cmyk = await sharp(frontal.portrait).toColourspace('cmyk').jpeg({ quality: 92 }).toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const alpha = await sharp(frontal.portrait).ensureAlpha(0.9).png().toBuffer();
    expect((await sharp(alpha).metadata()).hasAlpha).toBe(true);
    // Pixels stored turned a quarter, with the EXIF tag saying how to stand them up.
    const turned = await sharp(frontal.portrait).rotate(-90).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toBuffer();
    expect((await sharp(turned).metadata()).orientation).toBe(6);
    for (const [name, image] of [['cmyk', cmyk], ['alpha', alpha], ['exif', turned]] as const) {
      expect(euclidean(base, (await engine.describe(image)).descriptor), name).toBeLessThan(threshold / 2);
    }
  });
});

describe('quality gates', () => {
  it('passes the frontal demo face through every gate', async () => {
    expect((await engine.describe(frontal.portrait, { enforceQuality: true })).quality.failed).toEqual([]);
  });

  it('refuses each fault with its own reason', async () => {
    const src = () => sharp(frontal.portrait);
    const meta = await src().metadata();
    expect(await gatesOf(src().resize(Math.round(meta.width * 0.3)).jpeg().toBuffer())).toContain('face.too-small');
    const offCentre = src().extend({ right: meta.width * 2, background: '#808080' }).jpeg().toBuffer();
    expect(await gatesOf(offCentre)).toContain('face.off-centre');
    expect(await gatesOf(src().linear(0.3, 0).jpeg().toBuffer())).toContain('face.too-dark');
    expect(await gatesOf(src().modulate({ brightness: 1.6 }).jpeg().toBuffer())).toContain('face.too-bright');
    expect(await gatesOf(src().blur(3).jpeg().toBuffer())).toContain('face.blurred');
    // Black patches over both eyes, as sunglasses or a hand would cover them.
    const patch = (first: number) => {
      const eye = frontal.landmarks.slice(first, first + 6);
      const xs = eye.map((p) => p.x), ys = eye.map((p) => p.y);
      const w = Math.max(...xs) - Math.min(...xs);
      return { left: Math.round(Math.min(...xs) - 0.3 * w), top: Math.round(Math.min(...ys) - 0.4 * w), width: Math.round(1.6 * w), height: Math.round(0.9 * w) };
    };
    const covered = await src()
      .composite([patch(36), patch(42)].map((p) => ({ input: { create: { width: p.width, height: p.height, channels: 3 as const, background: '#101010' } }, left: p.left, top: p.top })))
      .jpeg()
      .toBuffer();
    expect(await gatesOf(covered)).toContain('face.eyes-covered');
  });

  it('refuses a head turned to the side', async () => {
    let turned: DemoFace | undefined;
    for (const f of faces) {
      const m = (await engine.describe(f.portrait)).quality.measures;
      if (Math.abs(m.yaw - 0.5) > 0.3) turned = f;
    }
    expect(turned, 'a demo face in profile').toBeDefined();
    expect(await gatesOf(turned!.portrait)).toContain('face.head-turned');
  });
});

/** PNG's CRC-32 (ISO 3309), for a chunk rewritten by hand. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
