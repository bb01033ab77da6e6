import type { Material } from '../../../contract/domain/catalog.ts';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import { faceCheckNeeded } from '../../../contract/domain/face-check.ts';
import { faceAccepted } from './face-rules.ts';
import type { IntakeState, StepId } from './intake-state.ts';

const ID_NUMBER = /^\d{17}[\dXx]$/;

/** The steps of this intake, in order; the receipt follows them. */
export function stepsOf(state: IntakeState): StepId[] {
  const m = state.matter;
  return [
    'card',
    ...(state.channel === 'window' ? (['matter'] as const) : []),
    ...(m === null || m.form !== undefined ? (['form'] as const) : []),
    // The face check once the answers are in (they may waive it: 上门认证), before anything is handed in.
    ...(faceCheckNeeded(m, state.form) ? (['face'] as const) : []),
    'materials',
    ...(state.channel === 'window' && m?.proxyAllowed ? (['proxy'] as const) : []),
    'sign',
    'submit',
  ];
}

/** Why a card cannot start an application, as a catalogue key; null when it can. */
export function cardProblem(card: IdentityCard): string | null {
  if (!card.idNumberValid) return 'ui.intake.card.invalid';
  if (!ID_NUMBER.test(card.idNumber)) return 'ui.intake.card.unsupported';
  return null;
}

/** Catalogue materials not yet handed in, waived or promised. */
export function missingMaterials(state: IntakeState): Material[] {
  return (state.matter?.materials ?? []).filter((m) => !Object.hasOwn(state.materials, m.id));
}

/** Missing materials the case cannot be taken in without: the 一次性告知单 is what the applicant gets instead. */
export function missingRequired(state: IntakeState): Material[] {
  return missingMaterials(state).filter((m) => m.requirement === 'required');
}

/** 容缺 is open here: at the window, for this matter and this applicant (not on the integrity blacklist). */
export function rongqueOpen(state: IntakeState): boolean {
  return state.channel === 'window' && state.check?.rongque === true;
}

export function promisedMaterials(state: IntakeState): Material[] {
  return (state.matter?.materials ?? []).filter((m) => state.materials[m.id]?.status === 'promised');
}

/** The applicant meets the conditions the station decides for this matter (applicantCheck has answered). */
export function eligible(state: IntakeState): boolean {
  return state.check !== null && state.check.ineligible.length === 0;
}

/** Whether 下一步 may leave a step. */
export function stepDone(state: IntakeState, step: StepId): boolean {
  switch (step) {
    case 'card':
      // At the kiosk the matter is known from the start: the conditions are checked before the form.
      return state.card !== null && cardProblem(state.card) === null && (state.channel === 'window' || eligible(state));
    case 'matter':
      return state.matter !== null && eligible(state);
    case 'form':
      // The core checks the answers at 提交 and every problem comes back at once, beside its field.
      return true;
    case 'face':
      return faceAccepted(state.channel, state.face);
    case 'materials':
      return state.matter !== null && missingRequired(state).length === 0;
    case 'proxy':
      return !state.proxy || state.mandate !== null;
    case 'sign':
      return state.signature !== null;
    case 'submit':
    case 'receipt':
      return false;
  }
}
