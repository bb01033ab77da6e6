import type { StepId } from './intake-state.ts';

export const STEP_KEYS: Record<StepId, string> = {
  card: 'ui.intake.step.card',
  matter: 'ui.intake.step.matter',
  form: 'ui.intake.step.form',
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
  materials: 'ui.intake.title.materials',
  proxy: 'ui.intake.title.proxy',
  sign: 'ui.intake.title.sign',
  submit: 'ui.intake.title.submit',
  receipt: 'ui.intake.title.receipt',
};
