import type { ExemptionKind, Material } from '../../../contract/domain/catalog.ts';

/** Why a material may be waived, in the guide's words. */
export const EXEMPTION_KEYS: Record<ExemptionKind, string> = {
  'no-legal-basis': 'guide.exemption.kind.no-legal-basis',
  'database-lookup': 'guide.exemption.kind.database-lookup',
  'home-visit': 'guide.exemption.kind.home-visit',
  unverifiable: 'guide.exemption.kind.unverifiable',
  'id-card-proves': 'guide.exemption.kind.id-card-proves',
};

export const FORM_KEYS: Record<Material['form'], string> = {
  original: 'guide.form.original',
  copy: 'guide.form.copy',
  'original-and-copy': 'guide.form.original-and-copy',
  electronic: 'guide.form.electronic',
};

export const REQUIREMENT_KEYS: Record<Material['requirement'], string> = {
  required: 'guide.requirement.required',
  secondary: 'guide.requirement.secondary',
};
