import { StationError } from '../../contract/domain/errors.ts';

/**
 * Why no 证件照 can be made from a picture. Each code is the key of its message in
 * assets/messages/<locale>/photo.json, which tells the person at the camera what to do; `message` is for the log.
 */
export const PHOTO_REFUSAL_CODES = [
  'photo.bad-image',
  'photo.no-face',
  'photo.several-faces',
  'photo.face-cut',
  'photo.too-small',
  'photo.head-turned',
  'photo.head-tilted',
  'photo.eyes-closed',
  'photo.too-dark',
] as const;
export type PhotoRefusalCode = (typeof PHOTO_REFUSAL_CODES)[number];

export class PhotoError extends StationError {
  declare readonly code: PhotoRefusalCode | 'photo.unknown-spec' | 'photo.background-not-allowed' | 'photo.model-unusable';
}

/** The picture cannot become the photo; `code` says why, the person can fix it and try again. */
export class PhotoRefusedError extends PhotoError {
  constructor(code: PhotoRefusalCode, message: string, params: Record<string, string | number> = {}) {
    super(code, message, { params, kind: 'input' });
  }
}

export class UnknownPhotoSpecError extends PhotoError {
  constructor(spec: string, known: readonly string[]) {
    super('photo.unknown-spec', `no photo spec ${spec}; known: ${known.join(', ')}`, { params: { spec, known: known.join(', ') }, kind: 'input' });
  }
}

export class BackgroundNotAllowedError extends PhotoError {
  constructor(spec: string, background: string, allowed: readonly string[]) {
    super('photo.background-not-allowed', `${spec} is not made on ${background}; allowed: ${allowed.join(', ')}`, {
      params: { spec, background, allowed: allowed.join(', ') },
      kind: 'input',
    });
  }
}

export class PhotoModelUnusableError extends PhotoError {
  constructor(reason: string, cause?: unknown) {
    super('photo.model-unusable', `segmentation model unusable: ${reason}`, { params: { reason }, cause });
  }
}
