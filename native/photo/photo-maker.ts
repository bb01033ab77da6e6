import type { PhotoBackground, PhotoSpec } from '../../contract/domain/photo-spec.ts';
import { decodeImage, type RgbImage } from '../face/decode.ts';
import type { FaceEngine } from '../face/face-engine.ts';
import { PhotoRefusedError, type PhotoRefusalCode } from './errors.ts';
import { makePhoto, photoJpeg, type FinishedPhoto } from './make-photo.ts';
import { Segmenter } from './segmenter.ts';
import { photoSheet, type SheetLayout } from './sheet.ts';
import { choosePhoto } from './specs.ts';

/** What a made photo is, as plain data: for the CLI's JSON, the screens and the case's material record. */
export interface PhotoReport {
  spec: { id: string; name: string; widthMm: number; heightMm: number; dpi: number };
  background: PhotoBackground;
  widthPx: number;
  heightPx: number;
  head: FinishedPhoto['head'];
  eyeRow: number;
  checks: FinishedPhoto['checks'];
  /** Which of the frames offered was kept (0-based), and how many were refused and why. */
  frame: { chosen: number; offered: number; refused: Partial<Record<PhotoRefusalCode, number>> };
}

export interface MadePhoto {
  report: PhotoReport;
  jpeg: Buffer;
  photo: FinishedPhoto;
}

/** Of the refusals of every frame, the one to tell the person: the most frequent, ties to the more actionable. */
function mainRefusal(refused: Map<PhotoRefusalCode, PhotoRefusedError[]>): PhotoRefusedError {
  return [...refused.values()].sort((a, b) => b.length - a.length)[0]![0]!;
}

/**
 * 证件照 from camera frames or a photo file: the face pipeline and the segmentation graph together, each frame
 * made into a photo, the best kept. Pictures live only in memory for the call.
 */
export class PhotoMaker {
  private constructor(
    private readonly face: FaceEngine,
    private readonly segmenter: Segmenter,
  ) {}

  static async load(face: FaceEngine): Promise<PhotoMaker> {
    return new PhotoMaker(face, await Segmenter.load());
  }

  /** Several frames of one sitting: each made into the photo, refusals counted, the best-scoring photo kept. */
  async make(frames: (Uint8Array | RgbImage)[], specId: string, background: PhotoBackground): Promise<MadePhoto> {
    const { spec, rgb } = choosePhoto(specId, background);
    const refused = new Map<PhotoRefusalCode, PhotoRefusedError[]>();
    let best: { photo: FinishedPhoto; index: number } | undefined;
    for (const [index, frame] of frames.entries()) {
      try {
        const image = frame instanceof Uint8Array ? await this.decode(frame) : frame;
        const photo = await makePhoto(
          { describe: (img) => this.face.describeImage(img, { embed: false }), matteOfInput: (p) => this.segmenter.matteOfInput(p), matteSize: this.segmenter.manifest.input.size },
          image,
          spec,
          rgb,
        );
        if (!best || photo.score > best.photo.score) best = { photo, index };
      } catch (e) {
        if (!(e instanceof PhotoRefusedError)) throw e;
        refused.set(e.code as PhotoRefusalCode, [...(refused.get(e.code as PhotoRefusalCode) ?? []), e]);
      }
    }
    if (!best) throw refused.size > 0 ? mainRefusal(refused) : new PhotoRefusedError('photo.no-face', 'no frame given');
    return {
      photo: best.photo,
      jpeg: await photoJpeg(best.photo, spec.dpi),
      report: reportOf(spec, background, best.photo, {
        chosen: best.index,
        offered: frames.length,
        refused: Object.fromEntries([...refused].map(([code, list]) => [code, list.length])),
      }),
    };
  }

  private async decode(bytes: Uint8Array): Promise<RgbImage> {
    try {
      return await decodeImage(bytes);
    } catch (e) {
      throw new PhotoRefusedError('photo.bad-image', (e as Error).message);
    }
  }

  async close(): Promise<void> {
    await this.segmenter.close();
  }
}

function reportOf(spec: PhotoSpec, background: PhotoBackground, photo: FinishedPhoto, frame: PhotoReport['frame']): PhotoReport {
  return {
    spec: { id: spec.id, name: spec.name, widthMm: spec.widthMm, heightMm: spec.heightMm, dpi: spec.dpi },
    background,
    widthPx: photo.width,
    heightPx: photo.height,
    head: photo.head,
    eyeRow: photo.eyeRow,
    checks: photo.checks,
    frame,
  };
}

/** A 6-inch sheet of the photo, laid out for its spec's size; `title` names the document. */
export function madeSheet(made: MadePhoto, title: string): Promise<{ pdf: Uint8Array; layout: SheetLayout }> {
  return photoSheet(made.jpeg, [made.report.spec.widthMm, made.report.spec.heightMm], title);
}
