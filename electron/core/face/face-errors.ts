import { StationError } from '../../../contract/domain/errors.ts';

export type FaceCheckErrorCode =
  | 'face.check-unknown' // no such check, or it has expired, or it is not this screen's
  | 'face.check-over' // the check has its decision already
  | 'face.no-reference' // nothing to compare with: the clerk looks instead (window) or the villager goes to the window (kiosk)
  | 'face.check-needed' // the matter asks for a face check and the intake carries none
  | 'face.check-not-accepted' // the check did not pass (or was for someone else), so the case cannot rest on it
  | 'face.check-used' // the check already carries another case
  | 'face.confirm-not-allowed'; // an override of a check that did not fail, a visual check where a reference exists, or at the kiosk

/** A face check refused; the code is the key of its message in face.json. */
export class FaceCheckError extends StationError {
  declare readonly code: FaceCheckErrorCode;
  constructor(code: FaceCheckErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(code, message, { params, kind: 'input' });
  }
}
