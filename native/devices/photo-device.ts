import type { PhotoBackground } from '../../contract/domain/photo-spec.ts';
import { cardPhotoAs, type CardPhoto } from '../photo/card-photo.ts';
import { PhotoMaker, type PhotoReport } from '../photo/photo-maker.ts';
import { photoSheet, type SheetLayout } from '../photo/sheet.ts';
import { choosePhoto, findSpec } from '../photo/specs.ts';
import type { FaceDevice } from './face-device.ts';

/**
 * 证件照 in the device process: the face model's engine, shared with the face check, and the segmentation graph,
 * loaded the first time a photo is asked for (it is small and loads in tens of milliseconds). Pictures live only
 * for the call; the core keeps the finished JPEG for the visit.
 */
export class PhotoDevice {
  private maker: Promise<PhotoMaker> | null = null;

  constructor(private readonly face: FaceDevice) {}

  private async ready(): Promise<PhotoMaker> {
    this.maker ??= this.face.ready().then((engine) => PhotoMaker.load(engine));
    try {
      return await this.maker;
    } catch (error) {
      // A failed load is tried again on the next photo, as every device is.
      this.maker = null;
      throw error;
    }
  }

  async make(frames: Uint8Array[], specId: string, background: PhotoBackground): Promise<{ report: PhotoReport; jpeg: Uint8Array }> {
    choosePhoto(specId, background);
    const made = await (await this.ready()).make(frames, specId, background);
    return { report: made.report, jpeg: made.jpeg };
  }

  fromCard(image: Uint8Array, specId: string): Promise<CardPhoto> {
    return cardPhotoAs(image, findSpec(specId));
  }

  sheet(jpeg: Uint8Array, specId: string, title: string): Promise<{ pdf: Uint8Array; layout: SheetLayout }> {
    const spec = findSpec(specId);
    return photoSheet(jpeg, [spec.widthMm, spec.heightMm], title);
  }

  async close(): Promise<void> {
    const maker = this.maker;
    this.maker = null;
    await (await maker?.catch(() => null))?.close();
  }
}
