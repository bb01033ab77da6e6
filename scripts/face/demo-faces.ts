// Labelled faces made from the sample photos that @vladmandic/face-api ships in demo/ (read from node_modules,
// never copied into the repo): each detected face cut out as its own portrait, and variants of it a camera or an
// ID photo could give. Every face is taken as a different person; its variants as the same person.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FaceBox } from '../../native/face/detect.ts';
import type { FaceEngine } from '../../native/face/face-engine.ts';
import { decodeImage } from '../../native/face/decode.ts';

export const DEMO_DIR = join(import.meta.dirname, '..', '..', 'node_modules', '@vladmandic', 'face-api', 'demo');
export const DEMO_PHOTOS = [1, 2, 3, 4, 5, 6].map((i) => `sample${i}.jpg`);

export const demoPhoto = (name: string): Buffer => readFileSync(join(DEMO_DIR, name));

export interface DemoFace {
  id: string;
  /** A JPEG portrait of this face alone, the face about a third of its width, centred. */
  portrait: Buffer;
}

function overlap(p: FaceBox, q: FaceBox): number {
  const w = Math.max(0, Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x));
  const h = Math.max(0, Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y));
  return w * h;
}

/** A portrait around a box: `margin` face widths on each side, clipped to the photo, as a q92 JPEG. */
export async function portrait(photo: Buffer, box: FaceBox, margin = 1): Promise<Buffer> {
  const meta = await sharp(photo).metadata();
  const side = Math.max(box.width, box.height) * (1 + 2 * margin);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const left = Math.max(0, Math.round(cx - side / 2));
  const top = Math.max(0, Math.round(cy - side / 2));
  const width = Math.min(meta.width - left, Math.round(side));
  const height = Math.min(meta.height - top, Math.round(side));
  return sharp(photo).autoOrient().extract({ left, top, width, height }).jpeg({ quality: 92 }).toBuffer();
}

/**
 * Every face the engine finds in the demo photos whose portrait holds that face alone. Faces pressed cheek to
 * cheek whose portraits would show a neighbour's face at the same size are left out.
 */
export async function demoFaces(engine: FaceEngine): Promise<DemoFace[]> {
  const faces: DemoFace[] = [];
  for (const name of DEMO_PHOTOS) {
    const photo = demoPhoto(name);
    const boxes = await engine.detect(await decodeImage(photo));
    for (const [i, box] of boxes.entries()) {
      // The tiny detector sometimes boxes one face twice: a box lying a third or more on a better one is that face.
      if (boxes.slice(0, i).some((b) => overlap(box, b) > 0.33 * box.width * box.height)) continue;
      for (const margin of [0.6, 0.35]) {
        const cut = await portrait(photo, box, margin);
        try {
          await engine.describeImage(await decodeImage(cut));
          faces.push({ id: `${name}#${i}`, portrait: cut });
          break;
        } catch {
          // A neighbour's face in this margin, or no face left once cut: try a tighter margin, then drop it.
        }
      }
    }
  }
  return faces;
}

/** The variants of one portrait the robustness tests and the calibration use, each named. */
export async function variants(portraitJpeg: Buffer): Promise<{ name: string; image: Buffer }[]> {
  const meta = await sharp(portraitJpeg).metadata();
  const { width, height } = meta;
  const jpeg = (s: sharp.Sharp, quality = 90) => s.jpeg({ quality }).toBuffer();
  const src = () => sharp(portraitJpeg);
  const inset = (f: number) =>
    src().extract({ left: Math.round(width * f), top: Math.round(height * f), width: Math.round(width * (1 - 2 * f)), height: Math.round(height * (1 - 2 * f)) });
  const rotate = (deg: number) => src().rotate(deg, { background: '#808080' });
  return [
    { name: 'crop tighter', image: await jpeg(inset(0.12)) },
    { name: 'scale 0.5', image: await jpeg(src().resize(Math.round(width * 0.5))) },
    { name: 'scale 1.6', image: await jpeg(src().resize(Math.round(width * 1.6))) },
    { name: 'rotate 15', image: await jpeg(rotate(15)) },
    { name: 'rotate -15', image: await jpeg(rotate(-15)) },
    { name: 'darker', image: await jpeg(src().modulate({ brightness: 0.6 })) },
    { name: 'brighter', image: await jpeg(src().modulate({ brightness: 1.35 })) },
    { name: 'jpeg q30', image: await jpeg(src(), 30) },
    { name: 'id photo 102x126', image: await jpeg(src().resize(102, 126, { fit: 'cover' })) },
  ];
}
