import { CaseState } from '../../contract/domain/cases.ts';
import { ExemptionKind } from '../../contract/domain/catalog.ts';
import { RowReader } from '../rows.ts';

const STATES = CaseState.options;
const CHANNELS = ['window', 'kiosk'] as const;
const MATERIAL_STATUSES = ['provided', 'exempt', 'promised', 'supplied'] as const;

/** A row of `cases`. */
export interface CaseRecord {
  id: number;
  caseNo: string;
  matterCode: string;
  matterName: string;
  personId: number;
  channel: (typeof CHANNELS)[number];
  proxy: boolean;
  state: CaseState;
  receivedAt: string;
  receivedDay: string;
  dueDate: string;
  /** The matter's time limit in working days at intake; null for cases from before it was kept. */
  timeLimitDays: number | null;
  dueProvisional: boolean;
  dueMovedFrom: string | null;
  firstAskedBy: number | null;
  /** Form answers, signatures and fees, sealed (AAD 'case:<id>:data'). */
  sealed: string;
  owed: number;
  owedDue: string | null;
}

export function caseRecord(row: unknown): CaseRecord {
  const r = new RowReader('cases', row);
  return {
    id: r.int('id'),
    caseNo: r.text('case_no'),
    matterCode: r.text('matter_code'),
    matterName: r.text('matter_name'),
    personId: r.int('person_id'),
    channel: r.oneOf('channel', CHANNELS),
    proxy: r.flag('proxy'),
    state: r.oneOf('state', STATES),
    receivedAt: r.text('received_at'),
    receivedDay: r.text('received_day'),
    dueDate: r.text('due_date'),
    timeLimitDays: r.intOrNull('time_limit_days'),
    dueProvisional: r.flag('due_provisional'),
    dueMovedFrom: r.textOrNull('due_moved_from'),
    firstAskedBy: r.intOrNull('first_asked_by'),
    sealed: r.text('sealed'),
    owed: r.int('owed'),
    owedDue: r.textOrNull('owed_due'),
  };
}

/** A row of `case_materials`. */
export interface MaterialRecord {
  materialId: string;
  name: string;
  status: (typeof MATERIAL_STATUSES)[number];
  pages: string[];
  exemption: ExemptionKind | null;
  source: string | null;
  dueDate: string | null;
  promiseSignature: string | null;
}

export function materialRecord(row: unknown): MaterialRecord {
  const r = new RowReader('case_materials', row);
  return {
    materialId: r.text('material_id'),
    name: r.text('name'),
    status: r.oneOf('status', MATERIAL_STATUSES),
    pages: r.strings('pages'),
    exemption: r.oneOfOrNull('exemption', ExemptionKind.options),
    source: r.textOrNull('source'),
    dueDate: r.textOrNull('due_date'),
    promiseSignature: r.textOrNull('promise_signature'),
  };
}

/** A row of `case_events`, with the number of its case where a query joins it. */
export interface CaseEventRecord {
  id: string;
  caseNo: string;
  seq: number;
  type: string;
  at: string;
  /** The station that made it, or 'township' for a decision pulled from there. */
  station: string;
  actor: number | null;
  state: CaseState;
  detail: Record<string, unknown>;
  attachments: string[];
}

export function caseEventRecord(row: unknown): CaseEventRecord {
  const r = new RowReader('case_events', row);
  return {
    id: r.text('id'),
    caseNo: r.text('case_no'),
    seq: r.int('seq'),
    type: r.text('type'),
    at: r.text('at'),
    station: r.text('station'),
    actor: r.intOrNull('actor'),
    state: r.oneOf('state', STATES),
    detail: r.object('detail'),
    attachments: r.strings('attachments'),
  };
}

/** One line of the sync status: an event not acknowledged yet, and why. */
export interface PendingEventRecord {
  eventId: string;
  caseNo: string;
  type: string;
  at: string;
  /** Why it waits: not sent yet, or refused by the township with this reason (a person must look at it). */
  reason: string;
}

export function pendingEventRecord(row: unknown): PendingEventRecord {
  const r = new RowReader('case_events', row);
  return { eventId: r.text('id'), caseNo: r.text('case_no'), type: r.text('type'), at: r.text('at'), reason: r.text('reason') };
}

/** A case as the villager's progress screen shows it. */
export interface ProgressRecord {
  caseNo: string;
  matterName: string;
  state: CaseState;
  dueDate: string;
  dueProvisional: boolean;
}

export function progressRecord(row: unknown): ProgressRecord {
  const r = new RowReader('cases', row);
  return {
    caseNo: r.text('case_no'),
    matterName: r.text('matter_name'),
    state: r.oneOf('state', STATES),
    dueDate: r.text('due_date'),
    dueProvisional: r.flag('due_provisional'),
  };
}
