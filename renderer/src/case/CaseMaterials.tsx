import { useState } from 'react';
import { OPEN_STATES } from '../../../contract/domain/case-states.ts';
import { STATION_PHOTO_SOURCE, type CaseDetail } from '../../../contract/domain/cases.ts';
import { AttachmentImage } from '../devices/AttachmentImage.tsx';
import { useI18n } from '../i18n/i18n-context.ts';
import { MaterialStatus } from './MaterialStatus.tsx';
import { SupplyMaterial } from './SupplyMaterial.tsx';

/** The case's materials with their status and page previews; a 容缺 one still owed can be supplied here. */
export function CaseMaterials({ detail, onChanged }: { detail: CaseDetail; onChanged(): void }) {
  const { t } = useI18n();
  const [supplying, setSupplying] = useState<string | null>(null);
  // Owed material may follow until the result is handed over.
  const canSupply = [...OPEN_STATES, 'approved', 'result_ready'].includes(detail.summary.state);
  return (
    <section className="case-section" data-testid="case-materials">
      <h2 className="section-title">{t('ui.case.materials')}</h2>
      {detail.materials.length === 0 && <p className="hint">{t('guide.material.none')}</p>}
      <ol className="case-materials">
        {detail.materials.map((m) => (
          <li key={m.materialId} className="case-material" data-testid="case-material" data-material-id={m.materialId}>
            <p className="case-material__head">
              <span className="case-material__name">{m.name}</span>
              <MaterialStatus material={m} />
              {m.source === STATION_PHOTO_SOURCE && (
                <span className="badge" data-testid="case-material-station-photo">
                  {t('ui.material.stationPhoto')}
                </span>
              )}
            </p>
            {m.pages.length > 0 && (
              <div className="page-thumbs">
                {m.pages.map((sha, i) => (
                  <AttachmentImage key={`${sha}:${i}`} sha256={sha} className="page-thumb" />
                ))}
              </div>
            )}
            {m.status === 'promised' && canSupply && supplying !== m.materialId && (
              <button type="button" className="wide-button" data-testid="case-supply" onClick={() => setSupplying(m.materialId)}>
                {t('ui.case.supply')}
              </button>
            )}
            {supplying === m.materialId && (
              <SupplyMaterial
                caseNo={detail.summary.caseNo}
                materialId={m.materialId}
                onCancel={() => setSupplying(null)}
                onDone={() => {
                  setSupplying(null);
                  onChanged();
                }}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
