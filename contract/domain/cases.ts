import { z } from 'zod';
import { IdNumber } from './id-number.ts';
import { ExemptionKind, MatterCode } from './catalog.ts';
import { FormValues } from './forms.ts';
import { CASE_ACTIONS } from './case-states.ts';

/**
 * A case's life (docs/architecture.md, "Cases"): taken in (受理), forwarded to the township (转报), reviewed, publicly noticed (公示),
 * approved or rejected, result ready, delivered, closed; a supplement may be requested (补正) and a case may be
 * withdrawn. 容缺 materials still owed are a flag with due dates, not a state.
 */
export const CaseState = z.enum([
  'received',
  'forwarded',
  'in_review',
  'public_notice',
  'supplement_requested',
  'approved',
  'rejected',
  'result_ready',
  'delivered',
  'closed',
  'withdrawn',
]);
export type CaseState = z.infer<typeof CaseState>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Day = z.iso.date();
/** Money is whole fen (分), never floating yuan. */
export const Fen = z.int().min(0).max(100_000_000);

/** One catalogue material of a case, with its evidence. */
/** The latest a 容缺 material may be promised for, in working days after intake. */
export const MAX_RONGQUE_WORKING_DAYS = 20;

export const CaseMaterialInput = z.discriminatedUnion('status', [
  /** Handed in: scanned pages (or an original seen and returned, with no pages). */
  z.strictObject({ materialId: z.string(), status: z.literal('provided'), pages: z.array(Sha256).max(50) }),
  /** Waived under one of the exemptions the catalogue allows for it, with where the data came from. */
  z.strictObject({ materialId: z.string(), status: z.literal('exempt'), exemption: ExemptionKind, source: z.string().max(100).optional() }),
  /** 容缺: to be supplied by the due date; the applicant signs the promise. */
  z.strictObject({ materialId: z.string(), status: z.literal('promised'), dueDate: Day, promiseSignature: Sha256 }),
]);
export type CaseMaterialInput = z.infer<typeof CaseMaterialInput>;

export const Applicant = z.strictObject({
  name: z.string().min(1).max(60),
  idNumber: IdNumber,
  gender: z.enum(['男', '女']),
  birthDate: Day,
  address: z.string().max(120),
  phone: z.string().regex(/^1\d{10}$/).optional(),
});
export type Applicant = z.infer<typeof Applicant>;

export const IntakeInput = z.strictObject({
  /** Made by the client once per submission: a second tap on 提交 with the same id is the same case. */
  requestId: z.uuid(),
  channel: z.enum(['window', 'kiosk']),
  matterCode: MatterCode,
  applicant: Applicant,
  form: FormValues,
  materials: z.array(CaseMaterialInput),
  applicantSignature: Sha256,
  /** The face check (faceCheckStart …) this intake rests on, for a matter that asks for one. */
  faceCheck: z.string().min(10).max(60).optional(),
  /** 代办: the villager's signed mandate (委托书) and fees the agent advanced. */
  proxy: z
    .strictObject({
      mandateSignature: Sha256,
      advancedFees: z.array(z.strictObject({ item: z.string().min(1).max(40), amountFen: Fen })).max(10),
    })
    .optional(),
});
export type IntakeInput = z.infer<typeof IntakeInput>;

export const CaseSummary = z.strictObject({
  caseNo: z.string(),
  matterCode: MatterCode,
  matterName: z.string(),
  applicantName: z.string(),
  state: CaseState,
  channel: z.enum(['window', 'kiosk']),
  proxy: z.boolean(),
  receivedAt: z.iso.datetime(),
  dueDate: Day,
  /** Counted over a year with no official holiday schedule yet: shown as 预计, moves when one is published. */
  dueProvisional: z.boolean(),
  /** The due date before an official calendar moved it, while the case is open. */
  dueMovedFrom: Day.nullable(),
  /** 容缺 materials still owed and the earliest date one is due. */
  owed: z.int().nonnegative(),
  owedDue: Day.nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseEvent = z.strictObject({
  id: z.string(),
  seq: z.int().positive(),
  type: z.string(),
  at: z.iso.datetime(),
  station: z.string(),
  actor: z.string().nullable(),
  state: CaseState,
  detail: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

/**
 * A provided material's source when every page of it is a photo this station's camera made (photoKeep): shown as
 * 本站采集 on the case and at the township.
 */
export const STATION_PHOTO_SOURCE = 'station-photo';

export const CaseMaterial = z.strictObject({
  materialId: z.string(),
  name: z.string(),
  status: z.enum(['provided', 'exempt', 'promised', 'supplied']),
  pages: z.array(Sha256),
  exemption: ExemptionKind.nullable(),
  source: z.string().nullable(),
  dueDate: Day.nullable(),
  /** The applicant's signed 容缺 promise, for promised materials. */
  promiseSignature: Sha256.nullable(),
});

export const CaseDetail = z.strictObject({
  summary: CaseSummary,
  applicant: Applicant,
  form: FormValues,
  materials: z.array(CaseMaterial),
  advancedFees: z.array(z.strictObject({ item: z.string(), amountFen: Fen })),
  applicantSignature: Sha256,
  /** The signed 委托书 of a 代办 case. */
  mandateSignature: Sha256.nullable(),
  firstAskedBy: z.string().nullable(),
  history: z.array(CaseEvent),
  /** The steps the caller may take now: what the state allows, where the matter is decided, and the caller's role. */
  steps: z.array(z.enum(CASE_ACTIONS)),
});
export type CaseDetail = z.infer<typeof CaseDetail>;
