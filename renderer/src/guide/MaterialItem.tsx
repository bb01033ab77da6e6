import type { ExemptionKind, Material } from '../../../contract/domain/catalog.ts';
import { useNav } from '../app/nav-context.ts';
import { useI18n } from '../i18n/i18n-context.ts';

const FORM_KEYS: Record<Material['form'], string> = {
  original: 'guide.form.original',
  copy: 'guide.form.copy',
  'original-and-copy': 'guide.form.original-and-copy',
  electronic: 'guide.form.electronic',
};

const REQUIREMENT_KEYS: Record<Material['requirement'], string> = {
  required: 'guide.requirement.required',
  secondary: 'guide.requirement.secondary',
};

const EXEMPTION_KEYS: Record<ExemptionKind, string> = {
  'no-legal-basis': 'guide.exemption.kind.no-legal-basis',
  'database-lookup': 'guide.exemption.kind.database-lookup',
  'home-visit': 'guide.exemption.kind.home-visit',
  unverifiable: 'guide.exemption.kind.unverifiable',
  'id-card-proves': 'guide.exemption.kind.id-card-proves',
};

/** One material: what to bring, in which form and how many, whether it may follow later, and when it is waived. */
export function MaterialItem({ material }: { material: Material }) {
  const { t } = useI18n();
  return (
    <li className="material" data-testid="guide-material">
      <span className="material__name">{material.name}</span>
      <span className="material__facts">
        <span>{t(FORM_KEYS[material.form])}</span>
        <span>{t('ui.guide.material.count', { count: material.count })}</span>
        <span className={`badge badge--${material.requirement}`}>{t(REQUIREMENT_KEYS[material.requirement])}</span>
      </span>
      {material.note !== undefined && <span className="material__note">{material.note}</span>}
      {material.photo !== undefined && <TakePhotoHere photo={material.photo} />}
      {material.exemptions.map((e, i) => (
        <span key={`${e.kind}:${i}`} className="material__exemption">
          {t('ui.guide.material.exemption', { kind: t(EXEMPTION_KEYS[e.kind]), reason: e.reason })}
          {e.source !== undefined && ` ${t('ui.guide.material.source', { source: e.source })}`}
        </span>
      ))}
    </li>
  );
}

/** A 证件照 the station can take: straight to 打印照片 with this size and background chosen. */
function TakePhotoHere({ photo }: { photo: NonNullable<Material['photo']> }) {
  const { t } = useI18n();
  const nav = useNav();
  return (
    <button type="button" className="wide-button material__photo" data-testid="guide-material-photo" onClick={() => nav.push({ screen: 'photo', spec: photo.spec, background: photo.background })}>
      {t('ui.guide.material.takePhoto')}
    </button>
  );
}
