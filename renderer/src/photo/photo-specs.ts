import { PhotoSpecsSchema, type PhotoBackground, type PhotoSpec } from '../../../contract/domain/photo-spec.ts';

// Bundled like the message catalogue: the kiosk shows its choices with no network.
const file = import.meta.glob<unknown>('../../../assets/photo/specs.json', { eager: true, import: 'default' });

/** The photo sizes and backgrounds the station makes (assets/photo/specs.json), for the choices on screen. */
export const PHOTO_SPECS = PhotoSpecsSchema.parse(Object.values(file)[0]);

export const photoSpec = (id: string): PhotoSpec | undefined => PHOTO_SPECS.specs.find((s) => s.id === id);

/** A background as a CSS colour, for the swatch on its button. */
export const backgroundCss = (b: PhotoBackground): string => `rgb(${PHOTO_SPECS.backgrounds[b].rgb.join(' ')})`;

/** The sizes a villager picks from at the kiosk: the ones matters ask for; the ID-card photo is the police's. */
export const KIOSK_SPECS = ['1inch', '2inch', 'small-1inch', 'large-1inch', 'small-2inch'] as const;

/** Longest side of a frame sent to make a photo: enough for a 二寸 at 300 dpi, under the contract's frame size. */
export const PHOTO_FRAME_MAX_SIDE = 1600;
/** Frames taken for one photo, this far apart: the station keeps the best (eyes open, head still). */
export const PHOTO_FRAMES = 3;
export const PHOTO_FRAME_GAP_MS = 250;
