import type { CaseDetail } from '../../../contract/domain/cases.ts';
import type { Matter } from '../../../contract/domain/catalog.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { StationConfig } from '../config.ts';
import type { StaffService } from '../security/staff-service.ts';
import type { ReceivedMaterial, StationInfo } from '../documents/types.ts';
import type { Actor, CaseService } from './case-service.ts';

export type CaseDocumentKind = 'receipt' | 'rongque' | 'mandate';

/** What a receipt's QR code holds: the case, for the kiosk's 查进度 and the township's lookup. */
export const progressPayload = (caseNo: string): string => `doorstep:case:${caseNo}`;

interface Parts {
  cases: CaseService;
  catalog: CatalogService;
  attachments: AttachmentStore;
  staff: StaffService;
  config: StationConfig;
}

/**
 * The printed documents of a case, filled from the case, its matter and the station: 受理单 (代办受理单), 容缺受理单,
 * 委托书, and the 一次性告知单 given instead of a case when materials are missing.
 */
export class CaseDocuments {
  constructor(private readonly parts: Parts) {}

  private get station(): StationInfo {
    return { name: this.parts.config.stationName, phone: this.parts.config.stationPhone };
  }

  private staffName(id: string | null): string {
    if (id === null) return '';
    return this.parts.staff.list().find((s) => String(s.id) === id)?.displayName ?? '';
  }

  private signature(sha256: string): Uint8Array {
    return this.parts.attachments.get(sha256).bytes;
  }

  /** Renders one document of a case (viewing the case is audited like any other view). */
  async render(caseNo: string, kind: CaseDocumentKind, actor: Actor, issuedAt: Date): Promise<Uint8Array> {
    const detail = this.parts.cases.get(caseNo, actor);
    const matter = this.parts.catalog.matter(detail.summary.matterCode);
    const base = {
      station: this.station,
      caseNo,
      matter: { code: matter.code, name: matter.name },
      applicant: { name: detail.applicant.name, idNumber: detail.applicant.idNumber },
      issuedAt,
    };
    // pdf-lib and the font load only when something is printed.
    if (kind === 'receipt') {
      const { renderReceiptPdf } = await import('../documents/receipt-pdf.ts');
      const agent = detail.summary.proxy ? this.staffName(detail.firstAskedBy) : null;
      return renderReceiptPdf({
        ...base,
        receivedAt: new Date(detail.summary.receivedAt),
        materials: this.received(detail, matter),
        completion: matter.timeLimit.kind === 'immediate' ? { kind: 'immediate' } : { kind: 'by-date', date: detail.summary.dueDate, provisional: detail.summary.dueProvisional },
        firstAskedBy: this.staffName(detail.firstAskedBy),
        progressQr: progressPayload(caseNo),
        ...(agent === null ? {} : { proxy: { agentName: agent, advancedFees: detail.advancedFees } }),
      });
    }
    if (kind === 'rongque') {
      const { renderRongquePdf } = await import('../documents/rongque-pdf.ts');
      const promised = detail.materials.filter((m) => m.status === 'promised');
      const spec = (id: string) => matter.materials.find((m) => m.id === id)!;
      return renderRongquePdf({
        ...base,
        promised: promised.map((m) => ({ name: m.name, form: spec(m.materialId).form, count: spec(m.materialId).count, dueDate: m.dueDate! })),
        signaturePng: this.signature(promised[0]?.promiseSignature ?? detail.applicantSignature),
      });
    }
    const { renderMandatePdf } = await import('../documents/mandate-pdf.ts');
    return renderMandatePdf({
      ...base,
      agent: { name: this.staffName(detail.firstAskedBy) },
      ...(detail.applicant.phone === undefined ? {} : { applicantPhone: detail.applicant.phone }),
      scope: ['submit-materials', 'collect-result'],
      signaturePng: this.signature(detail.mandateSignature ?? detail.applicantSignature),
    });
  }

  private received(detail: CaseDetail, matter: Matter): ReceivedMaterial[] {
    return detail.materials.map((m): ReceivedMaterial => {
      const spec = matter.materials.find((x) => x.id === m.materialId)!;
      if (m.status === 'exempt') {
        return { name: m.name, status: 'exempt', reason: spec.exemptions.find((e) => e.kind === m.exemption)?.reason ?? '' };
      }
      if (m.status === 'promised') return { name: m.name, status: 'promised', dueDate: m.dueDate! };
      return { name: m.name, status: 'provided', form: spec.form, pages: m.pages.length };
    });
  }

  /** The 一次性告知单: every missing material of a matter, once, under its own number. */
  async notice(
    matterCode: string,
    applicant: { name: string; idNumber?: string },
    missing: string[],
    clerk: string | undefined,
    noticeNo: string,
    issuedAt: Date,
  ): Promise<Uint8Array> {
    const matter = this.parts.catalog.matter(matterCode);
    const { renderOneTimeNoticePdf } = await import('../documents/notice-pdf.ts');
    return renderOneTimeNoticePdf({
      station: this.station,
      caseNo: noticeNo,
      matter: { code: matter.code, name: matter.name },
      applicant,
      issuedAt,
      ...(clerk === undefined ? {} : { clerk }),
      missing: matter.materials
        .filter((m) => missing.includes(m.id))
        .map((m) => ({ name: m.name, form: m.form, count: m.count, ...(m.note === undefined ? {} : { note: m.note }) })),
    });
  }
}
