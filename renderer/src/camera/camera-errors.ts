import { StationError } from '../../../contract/domain/errors.ts';

/** getUserMedia's failures by DOMException name, as catalogue keys that say what to do. */
const MEDIA_ERROR_KEYS: Record<string, string> = {
  NotAllowedError: 'ui.camera.error.not-allowed',
  SecurityError: 'ui.camera.error.not-allowed',
  NotFoundError: 'ui.camera.error.not-found',
  OverconstrainedError: 'ui.camera.error.not-found',
  NotReadableError: 'ui.camera.error.not-readable',
  AbortError: 'ui.camera.error.not-readable',
  NotSupportedError: 'ui.camera.error.not-supported',
};

/** A browser camera failure as a StationError with a catalogue code; core errors (camera.*) pass through. */
export function cameraError(error: unknown): unknown {
  if (error instanceof StationError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const code = MEDIA_ERROR_KEYS[name] ?? 'ui.camera.error.capture';
  return new StationError(code, error instanceof Error ? error.message : String(error));
}
