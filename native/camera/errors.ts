import { StationError } from '../../contract/domain/errors.ts';

/**
 * Failures of page processing a person can see. The code is the key of its message in
 * assets/messages/<locale>/camera.json, which says what to do; `message` here is for the log.
 */
export type CameraErrorCode =
  | 'camera.bad-image' // not a JPEG or PNG sharp can decode (corrupt, truncated, empty, too large)
  | 'camera.too-small'; // decodes, but too few pixels to read a page from

export class CameraError extends StationError {
  declare readonly code: CameraErrorCode;
  constructor(
    code: CameraErrorCode,
    message: string,
    options: { params?: Record<string, string | number>; kind?: 'input' | 'failure'; cause?: unknown } = {},
  ) {
    super(code, message, options);
  }
}

export class CameraBadImageError extends CameraError {
  constructor(reason: string, cause?: unknown) {
    super('camera.bad-image', `cannot read the still: ${reason}`, { params: { reason }, kind: 'input', cause });
  }
}

export class CameraTooSmallError extends CameraError {
  constructor(width: number, height: number, minSide: number) {
    super('camera.too-small', `still is ${width}×${height}, its shorter side must be at least ${minSide} px`, {
      params: { width, height, minSide },
      kind: 'input',
    });
  }
}
