import type { PromptIcon } from '../intake/face-rules.ts';

/** Line drawings for a prompt or a decision, in the text's colour; the words beside them say the same. */
export type FaceIconName = PromptIcon | 'passed' | 'failed';

const PATHS: Record<FaceIconName, string[]> = {
  // An arrow to the screen's left: in the mirrored preview that is the villager's own left.
  left: ['M40 12 L16 32 L40 52', 'M18 32 H54'],
  right: ['M24 12 L48 32 L24 52', 'M46 32 H10'],
  eye: ['M6 32 Q32 8 58 32 Q32 56 6 32 Z', 'M32 24 A8 8 0 1 1 31.9 24'],
  closer: ['M10 10 L22 22', 'M54 10 L42 22', 'M10 54 L22 42', 'M54 54 L42 42', 'M22 14 V22 H14', 'M42 14 V22 H50', 'M22 50 V42 H14', 'M42 50 V42 H50'],
  centre: ['M32 6 V18', 'M32 46 V58', 'M6 32 H18', 'M46 32 H58', 'M32 22 A10 10 0 1 1 31.9 22'],
  light: ['M32 20 A12 12 0 1 1 31.9 20', 'M32 4 V12', 'M32 52 V60', 'M4 32 H12', 'M52 32 H60', 'M12 12 L18 18', 'M46 46 L52 52', 'M52 12 L46 18', 'M18 46 L12 52'],
  still: ['M20 30 V14 A4 4 0 0 1 28 14 V28', 'M28 26 V10 A4 4 0 0 1 36 10 V28', 'M36 28 V14 A4 4 0 0 1 44 14 V36 Q44 56 30 56 Q20 56 16 46 L10 34 A4 4 0 0 1 17 30 L20 36'],
  face: ['M32 6 C16 6 12 20 12 32 C12 48 22 58 32 58 C42 58 52 48 52 32 C52 20 48 6 32 6 Z', 'M24 28 V30', 'M40 28 V30', 'M24 42 Q32 48 40 42'],
  passed: ['M12 34 L26 48 L52 18'],
  failed: ['M16 16 L48 48', 'M48 16 L16 48'],
};

export function FaceIcon({ name, className }: { name: FaceIconName; className?: string }) {
  return (
    <svg className={className ?? 'face-icon'} viewBox="0 0 64 64" aria-hidden="true" data-icon={name}>
      {PATHS[name].map((d) => (
        <path key={d} d={d} fill="none" stroke="currentColor" strokeWidth={5} strokeLinecap="round" strokeLinejoin="round" />
      ))}
    </svg>
  );
}
