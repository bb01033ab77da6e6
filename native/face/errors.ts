import { StationError } from '../../contract/domain/errors.ts';

/**
 * Why a picture gives no face to verify. Each code is the key of its message in assets/messages/<locale>/face.json,
 * which says what the person at the camera should do; `message` here is for the log.
 */
export type FaceRefusalCode =
  | 'face.bad-image' // not an image sharp can decode: corrupt, truncated, empty, not an image, no pixels
  | 'face.image-too-large' // more pixels than any camera frame or photo we take, refused before decoding
  | 'face.no-face'
  | 'face.several-faces';

/** A quality gate that a found face failed; the same codes are the flags a report lists. */
export type FaceQualityCode =
  | 'face.too-small'
  | 'face.off-centre'
  | 'face.too-dark'
  | 'face.too-bright'
  | 'face.blurred'
  | 'face.eyes-covered'
  | 'face.head-turned';

export class FaceError extends StationError {
  declare readonly code: FaceRefusalCode | FaceQualityCode | 'face.models-unusable';
}

export class FaceBadImageError extends FaceError {
  constructor(reason: string, cause?: unknown) {
    super('face.bad-image', `cannot read the picture: ${reason}`, { params: { reason }, kind: 'input', cause });
  }
}

export class FaceImageTooLargeError extends FaceError {
  constructor(width: number, height: number, maxPixels: number) {
    super('face.image-too-large', `${width}×${height} is more than ${maxPixels} pixels`, { params: { width, height, maxPixels }, kind: 'input' });
  }
}

export class NoFaceError extends FaceError {
  constructor() {
    super('face.no-face', 'no face in the picture', { kind: 'input' });
  }
}

export class SeveralFacesError extends FaceError {
  constructor(count: number) {
    super('face.several-faces', `${count} faces in the picture, one is needed`, { params: { count }, kind: 'input' });
  }
}

/** A face was found but a gate refused it: the first failing gate names the prompt. */
export class FaceQualityError extends FaceError {
  readonly gates: FaceQualityCode[];
  constructor(gates: FaceQualityCode[]) {
    super(gates[0]!, `the face fails ${gates.join(', ')}`, { params: { gates: gates.join(',') }, kind: 'input' });
    this.gates = gates;
  }
}

/** The shipped graphs are missing, altered or do not load: a technician's problem, not the villager's. */
export class FaceModelsUnusableError extends FaceError {
  constructor(reason: string, cause?: unknown) {
    super('face.models-unusable', `face models unusable: ${reason}`, { params: { reason }, cause });
  }
}
