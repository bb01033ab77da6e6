import type { ReactNode } from 'react';
import type { FaceReference } from '../../../contract/domain/face-check.ts';

/** Where a face check is: starting (the check or the camera opening), looking (frames going), decided, or not possible. */
export type FacePhase = 'starting' | 'looking' | 'decided' | 'no-reference' | 'camera-lost' | 'error';

/** The face check's frame: its phase and reference for the screen's tests and styles, around whatever it shows. */
export function FaceShell({ phase, reference, children }: { phase: FacePhase; reference?: FaceReference; children: ReactNode }) {
  return (
    <div className={`face-check face-check--${phase}`} data-testid="face-check" data-phase={phase} data-reference={reference}>
      {children}
    </div>
  );
}
