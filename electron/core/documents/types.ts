import type { Material } from '../../../contract/domain/catalog.ts';

/**
 * What the printed case documents need, as plain data a case service fills from CaseDetail, the Matter and the
 * station's settings. Dates are `YYYY-MM-DD` days; instants are Dates, printed in China time. ID numbers are passed
 * whole and always printed masked (least data on paper).
 */

/** A paper size from the printer roles (assets/printer/roles.json), e.g. an 80 mm receipt roll. */
export interface PaperSize {
  widthMm: number;
  heightMm: number;
}

export interface StationInfo {
  /** e.g. 白衣镇青山村便民服务站 */
  name: string;
  /** The line an applicant may call about the case. */
  phone: string;
}

export interface MatterRef {
  code: string;
  name: string;
}

export interface PersonRef {
  name: string;
  idNumber: string;
}

export type MaterialForm = Material['form'];

/** What every case document says at the top. */
export interface CaseDocumentInput {
  station: StationInfo;
  /** The case number; a 一次性告知单 given before any case exists carries the number it was registered under. */
  caseNo: string;
  matter: MatterRef;
  applicant: PersonRef;
  /** When the document is made: its printed date and the PDF's creation date. */
  issuedAt: Date;
}

/** One material as taken in; a CaseMaterial that was `supplied` later prints as provided. */
export type ReceivedMaterial =
  | {
      name: string;
      status: 'provided';
      form: MaterialForm;
      /** Scanned pages; 0 when an original was seen and handed back. */
      pages: number;
    }
  | {
      name: string;
      status: 'exempt';
      /** The catalogue's reason for the exemption applied. */
      reason: string;
    }
  | { name: string; status: 'promised'; dueDate: string };

export interface AdvancedFee {
  item: string;
  /** Whole fen. */
  amountFen: number;
}

/** 受理单, or 代办受理单 when `proxy` is given. */
export interface ReceiptInput extends CaseDocumentInput {
  receivedAt: Date;
  materials: ReceivedMaterial[];
  /** 即办, or the promised completion day (CaseSummary.dueDate), printed as 预计 … when it is provisional. */
  completion: { kind: 'immediate' } | { kind: 'by-date'; date: string; provisional: boolean };
  /** 首问责任人: the clerk or agent who first took the request. */
  firstAskedBy: string;
  /** What the progress QR code holds (a link or a case token), made by the case service. */
  progressQr: string;
  proxy?: { agentName: string; advancedFees: AdvancedFee[] };
  /** The receipt printer role's paper; A4 when absent. */
  paper?: PaperSize;
}

export interface MissingMaterial {
  name: string;
  form: MaterialForm;
  count: number;
  /** Where to get it or what to watch for, from the catalogue note, when known. */
  note?: string;
}

/**
 * 一次性告知单: everything still missing, once, in writing. It may be given before any case exists — at the kiosk,
 * to someone whose card was not read — so the ID number and the clerk are optional.
 */
export interface OneTimeNoticeInput extends Omit<CaseDocumentInput, 'applicant'> {
  applicant: { name: string; idNumber?: string };
  missing: MissingMaterial[];
  /** The clerk who gives the notice; none at the self-service kiosk. */
  clerk?: string;
  paper?: PaperSize;
}

export interface PromisedMaterial {
  name: string;
  form: MaterialForm;
  count: number;
  dueDate: string;
}

/** 容缺受理单 with the applicant's signed promise. */
export interface RongqueInput extends CaseDocumentInput {
  promised: PromisedMaterial[];
  /** The applicant's signature, PNG (native/sigpad renders one, ink on transparent). */
  signaturePng: Uint8Array;
}

export type MandateScope = 'submit-materials' | 'collect-result';

/** 委托书: the applicant (委托人) mandates a village agent (受托人). */
export interface MandateInput extends CaseDocumentInput {
  /** The village agent; staff accounts may not hold their ID number or phone, which are then left off. */
  agent: { name: string; idNumber?: string; phone?: string };
  applicantPhone?: string;
  scope: MandateScope[];
  /** The applicant's signature, PNG. */
  signaturePng: Uint8Array;
}
