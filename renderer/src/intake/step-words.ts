import type { CaseState } from '../../../contract/domain/cases.ts';
import type { StepId } from './intake-state.ts';

export const STEP_KEYS: Record<StepId, string> = {
  card: 'ui.intake.step.card',
  matter: 'ui.intake.step.matter',
  form: 'ui.intake.step.form',
  face: 'ui.intake.step.face',
  materials: 'ui.intake.step.materials',
  proxy: 'ui.intake.step.proxy',
  sign: 'ui.intake.step.sign',
  submit: 'ui.intake.step.submit',
  receipt: 'ui.intake.step.receipt',
};

/** What each step asks, as its heading. */
export const TITLE_KEYS: Record<StepId, string> = {
  card: 'ui.intake.title.card',
  matter: 'ui.intake.title.matter',
  form: 'ui.intake.title.form',
  face: 'ui.intake.title.face',
  materials: 'ui.intake.title.materials',
  proxy: 'ui.intake.title.proxy',
  sign: 'ui.intake.title.sign',
  submit: 'ui.intake.title.submit',
  receipt: 'ui.intake.title.receipt',
};

/**
 * What became of the case at once: taken in (已受理), or — a 即办 matter the face check decides (养老金认证) — done
 * there and then (认证已完成，已办结).
 */
export function receiptStatusKey(state: CaseState, byFaceCheck: boolean): string {
  if (state === 'approved') return byFaceCheck ? 'ui.receipt.faceDone' : 'ui.receipt.approved';
  return 'ui.receipt.ok';
}
