import { applicantFromCard } from '../../../contract/domain/applicant.ts';
import type { CaseMaterialInput, IntakeInput } from '../../../contract/domain/cases.ts';
import { faceCheckNeeded } from '../../../contract/domain/face-check.ts';
import { faceAccepted } from './face-rules.ts';
import type { IntakeState } from './intake-state.ts';

const PHONE = /^1\d{10}$/;

/**
 * The caseIntake input from what the flow collected, or null while something it needs is missing. The applicant
 * comes from the card; a phone answered on the form goes with it; the one signature also signs the 容缺 promise.
 * The accepted face check goes with it only when the answers still ask for one (not after 上门认证).
 */
export function buildIntake(state: IntakeState): IntakeInput | null {
  const { card, matter, signature } = state;
  if (!card || !matter || !signature) return null;
  const phone = state.form.phone;
  const materials: CaseMaterialInput[] = matter.materials.flatMap((m): CaseMaterialInput[] => {
    const choice = state.materials[m.id];
    if (!choice) return [];
    switch (choice.status) {
      case 'provided':
        return [{ materialId: m.id, status: 'provided', pages: choice.pages.map((p) => p.sha256) }];
      case 'exempt':
        return [{ materialId: m.id, status: 'exempt', exemption: choice.exemption, ...(choice.source ? { source: choice.source } : {}) }];
      case 'promised':
        return [{ materialId: m.id, status: 'promised', dueDate: choice.dueDate, promiseSignature: signature.sha256 }];
    }
  });
  const proxy = state.channel === 'window' && state.proxy && state.mandate !== null;
  const needsFace = faceCheckNeeded(matter, state.form);
  // Without an accepted check the core would refuse it (face.check-needed); the face step holds the flow back too.
  if (needsFace && !faceAccepted(state.channel, state.face)) return null;
  return {
    requestId: state.requestId,
    channel: state.channel,
    matterCode: matter.code,
    applicant: applicantFromCard(card, typeof phone === 'string' && PHONE.test(phone) ? phone : undefined),
    form: state.form,
    materials,
    applicantSignature: signature.sha256,
    ...(needsFace && state.face ? { faceCheck: state.face.check } : {}),
    ...(proxy && state.mandate ? { proxy: { mandateSignature: state.mandate.sha256, advancedFees: state.fees } } : {}),
  };
}
