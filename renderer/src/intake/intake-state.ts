import type { MethodOutput } from '../../../contract/api/api.ts';
import type { ExemptionKind, Matter } from '../../../contract/domain/catalog.ts';
import type { Attachment } from '../../../contract/api/devices.ts';
import type { FaceCheckResult } from '../../../contract/domain/face-check.ts';
import type { FormValues } from '../../../contract/domain/forms.ts';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import type { Issue } from '../common/remote-issues.ts';
import { cardFacts, prefillForm } from '../../../contract/domain/form-prefill.ts';
import { today } from '../common/day-text.ts';

/** How one catalogue material stands in this intake; no entry means still missing. */
export type MaterialChoice =
  /** Scanned pages; none means the original was seen and handed back (原件已核验). */
  | { status: 'provided'; pages: Attachment[] }
  | { status: 'exempt'; exemption: ExemptionKind; source?: string }
  /** 容缺: to be supplied by dueDate; signed for with the applicant's signature. */
  | { status: 'promised'; dueDate: string };

export interface Fee {
  item: string;
  amountFen: number;
}

export type Channel = 'window' | 'kiosk';
/** One answer: a tick, a choice or text, or several choices. */
export type FormValue = FormValues[string];
export type StepId = 'card' | 'matter' | 'form' | 'face' | 'materials' | 'proxy' | 'sign' | 'submit' | 'receipt';
export type ApplicantCheck = MethodOutput<'applicantCheck'>;
export type IntakeResult = MethodOutput<'caseIntake'>;

export interface IntakeState {
  /** Made once when this intake starts: every 提交 of it carries the same id, so it makes one case at most. */
  requestId: string;
  channel: Channel;
  step: StepId;
  card: IdentityCard | null;
  matter: Matter | null;
  check: ApplicantCheck | null;
  form: FormValues;
  /** The last face check decided for this applicant and matter (passed, failed or a clerk's), or none yet. */
  face: FaceCheckResult | null;
  materials: Record<string, MaterialChoice>;
  proxy: boolean;
  mandate: Attachment | null;
  fees: Fee[];
  signature: Attachment | null;
  /** What the core refused at the last 提交, each with its path. */
  issues: Issue[];
  result: IntakeResult | null;
}

export type IntakeAction =
  | { type: 'card'; card: IdentityCard | null }
  | { type: 'matter'; matter: Matter | null }
  | { type: 'check'; check: ApplicantCheck | null }
  | { type: 'field'; id: string; value: FormValue | undefined }
  | { type: 'face'; result: FaceCheckResult | null }
  | { type: 'material'; id: string; choice: MaterialChoice | null }
  | { type: 'proxy'; on: boolean }
  | { type: 'mandate'; attachment: Attachment | null }
  | { type: 'fees'; fees: Fee[] }
  | { type: 'signature'; attachment: Attachment | null }
  | { type: 'issues'; issues: Issue[] }
  | { type: 'result'; result: IntakeResult }
  | { type: 'go'; step: StepId };

export function initialIntake(channel: Channel): IntakeState {
  return {
    requestId: crypto.randomUUID(),
    channel,
    step: 'card',
    card: null,
    matter: null,
    check: null,
    form: {},
    face: null,
    materials: {},
    proxy: false,
    mandate: null,
    fees: [],
    signature: null,
    issues: [],
    result: null,
  };
}

/** Everything that belongs to one applicant and one matter, emptied when either changes. */
const forMatter = { check: null, form: {}, face: null, materials: {}, proxy: false, mandate: null, fees: [], signature: null, issues: [] };

/** The card's answers for the form (少填), for the fields the applicant has not answered yet. */
function prefilled(state: IntakeState): IntakeState {
  if (!state.card || !state.matter?.form) return state;
  return { ...state, form: { ...prefillForm(state.matter.form, cardFacts(state.card), today()), ...state.form } };
}

export function intakeReducer(state: IntakeState, action: IntakeAction): IntakeState {
  if (state.result !== null && action.type !== 'go') return state;
  switch (action.type) {
    case 'card':
      // Another person's card: nothing of the one before may stay.
      if (action.card?.idNumber === state.card?.idNumber) return state;
      return prefilled({ ...state, ...forMatter, card: action.card });
    case 'matter':
      if (action.matter?.code === state.matter?.code) return state;
      return prefilled({ ...state, ...forMatter, matter: action.matter });
    case 'check':
      return { ...state, check: action.check };
    case 'field': {
      const form = { ...state.form };
      if (action.value === undefined) delete form[action.id];
      else form[action.id] = action.value;
      return { ...state, form, issues: state.issues.filter((i) => i.path !== action.id && i.path !== `form.${action.id}`) };
    }
    case 'face':
      return { ...state, face: action.result };
    case 'material': {
      const materials = { ...state.materials };
      if (action.choice === null) delete materials[action.id];
      else materials[action.id] = action.choice;
      return { ...state, materials };
    }
    case 'proxy':
      return { ...state, proxy: action.on, ...(action.on ? {} : { mandate: null, fees: [] }) };
    case 'mandate':
      return { ...state, mandate: action.attachment };
    case 'fees':
      return { ...state, fees: action.fees };
    case 'signature':
      return { ...state, signature: action.attachment };
    case 'issues':
      return { ...state, issues: action.issues };
    case 'result':
      return { ...state, result: action.result, step: 'receipt', issues: [] };
    case 'go':
      return state.result !== null ? state : { ...state, step: action.step };
  }
}
