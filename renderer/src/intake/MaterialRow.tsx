import type { Material } from '../../../contract/domain/catalog.ts';
import { AttachmentImage } from '../devices/AttachmentImage.tsx';
import { useI18n } from '../i18n/i18n-context.ts';
import { ExemptionChoices } from './ExemptionChoices.tsx';
import type { Channel, MaterialChoice } from './intake-state.ts';
import { MaterialCapture } from './MaterialCapture.tsx';
import { MaterialChoiceText } from './MaterialChoiceText.tsx';
import { MaterialPhoto } from './MaterialPhoto.tsx';
import { FORM_KEYS, REQUIREMENT_KEYS } from './material-words.ts';
import { RongqueChoices } from './RongqueChoices.tsx';

export type MaterialMode = 'camera' | 'photo' | 'exempt' | 'rongque';

/**
 * One catalogue material: what it is, where it stands, and what can be done about it — 拍照, 本站拍照 (a 证件照
 * the catalogue names), 原件已核验 (window),
 * 免交 (only as the catalogue allows), 容缺 (only when open to this applicant, for a secondary material).
 */
export function MaterialRow({
  material,
  choice,
  channel,
  rongque,
  mode,
  onMode,
  onChoice,
}: {
  material: Material;
  choice: MaterialChoice | undefined;
  channel: Channel;
  rongque: boolean;
  mode: MaterialMode | null;
  onMode(mode: MaterialMode | null): void;
  onChoice(choice: MaterialChoice | null): void;
}) {
  const { t } = useI18n();
  const choose = (c: MaterialChoice | null) => {
    onChoice(c);
    onMode(null);
  };
  const pages = choice?.status === 'provided' ? choice.pages : [];
  const canPromise = rongque && material.requirement === 'secondary';
  return (
    <li
      className={`material-row material-row--${material.requirement}`}
      data-testid="material-row"
      data-material-id={material.id}
      data-requirement={material.requirement}
    >
      <div className="material-row__head">
        <span className="material-row__name">{material.name}</span>
        <span className={`badge badge--${material.requirement}`}>{t(REQUIREMENT_KEYS[material.requirement])}</span>
        <span className="material-row__form">
          {t(FORM_KEYS[material.form])} · {t('ui.guide.material.count', { count: material.count })}
        </span>
      </div>
      {material.note !== undefined && <p className="material-row__note">{material.note}</p>}
      <MaterialChoiceText material={material} choice={choice} />
      {pages.length > 0 && (
        <div className="page-thumbs">
          {pages.map((p, i) => (
            <AttachmentImage key={`${p.sha256}:${i}`} sha256={p.sha256} className="page-thumb" />
          ))}
        </div>
      )}
      {mode === null && (
        <div className="material-row__actions">
          <button type="button" className="material-action" data-testid="material-camera" onClick={() => onMode('camera')}>
            {t(pages.length > 0 ? 'ui.material.action.morePages' : 'ui.material.action.camera')}
          </button>
          {material.photo !== undefined && (
            <button type="button" className="material-action" data-testid="material-photo" onClick={() => onMode('photo')}>
              {t('ui.material.action.photo')}
            </button>
          )}
          {channel === 'window' && (
            <button type="button" className="material-action" data-testid="material-seen" onClick={() => choose({ status: 'provided', pages: [] })}>
              {t('ui.material.action.seen')}
            </button>
          )}
          {material.exemptions.length > 0 && (
            <button type="button" className="material-action" data-testid="material-exempt" onClick={() => onMode('exempt')}>
              {t('ui.material.action.exempt')}
            </button>
          )}
          {canPromise && (
            <button type="button" className="material-action" data-testid="material-rongque" onClick={() => onMode('rongque')}>
              {t('ui.material.action.rongque')}
            </button>
          )}
          {choice !== undefined && (
            <button type="button" className="material-action material-action--undo" data-testid="material-undo" onClick={() => choose(null)}>
              {t('ui.material.action.undo')}
            </button>
          )}
        </div>
      )}
      {mode === 'camera' && (
        <MaterialCapture onCancel={() => onMode(null)} onDone={(added) => choose({ status: 'provided', pages: [...pages, ...added] })} />
      )}
      {mode === 'photo' && material.photo !== undefined && (
        <MaterialPhoto photo={material.photo} onCancel={() => onMode(null)} onDone={(page) => choose({ status: 'provided', pages: [page] })} />
      )}
      {mode === 'exempt' && <ExemptionChoices material={material} onChoose={choose} onCancel={() => onMode(null)} />}
      {mode === 'rongque' && <RongqueChoices onChoose={choose} onCancel={() => onMode(null)} />}
    </li>
  );
}
