import { randomUUID } from 'node:crypto';
import type { Applicant, CaseMaterialInput, IntakeInput } from '../../contract/domain/cases.ts';
import type { Matter } from '../../contract/domain/catalog.ts';
import type { AttachmentStore } from '../../electron/core/attachments/attachment-store.ts';

export { validForm } from '../../scripts/lib/form-answers.ts';

/** A fictional villager with a valid ID number (GB 11643 check digit X). */
export const VILLAGER: Applicant = {
  name: '王秀英',
  idNumber: '43070219550101128X',
  gender: '女',
  birthDate: '1955-01-01',
  address: '湖南省津市市毛里湖镇青苗村3组',
};

/** Stores a small distinct file as an attachment, as a scan or signature would be, and returns its sha256. */
export function fakeScan(attachments: AttachmentStore, label: string, kind: 'scan' | 'signature' = 'scan'): string {
  return attachments.put({ kind, mime: kind === 'scan' ? 'image/jpeg' : 'image/png', bytes: Buffer.from(`${kind}:${label}`), width: 10, height: 10 }).sha256;
}

/** Every material of a matter accounted for: waived where the catalogue allows it, else handed in as one page. */
export function completeMaterials(matter: Matter, attachments: AttachmentStore): CaseMaterialInput[] {
  return matter.materials.map((m) =>
    m.exemptions[0]
      ? { materialId: m.id, status: 'exempt' as const, exemption: m.exemptions[0].kind, source: m.exemptions[0].source }
      : { materialId: m.id, status: 'provided' as const, pages: [fakeScan(attachments, `${matter.code}:${m.id}`)] },
  );
}

export function intakeFor(
  matter: Matter,
  attachments: AttachmentStore,
  form: IntakeInput['form'] = {},
  overrides: Partial<IntakeInput> = {},
): IntakeInput {
  return {
    requestId: randomUUID(),
    channel: 'window',
    matterCode: matter.code,
    applicant: VILLAGER,
    form,
    materials: completeMaterials(matter, attachments),
    applicantSignature: fakeScan(attachments, 'signature', 'signature'),
    ...overrides,
  };
}

