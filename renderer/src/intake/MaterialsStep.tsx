import { useState, type Dispatch } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { missingMaterials, missingRequired, rongqueOpen } from './intake-steps.ts';
import type { IntakeAction, IntakeState } from './intake-state.ts';
import { MaterialRow, type MaterialMode } from './MaterialRow.tsx';
import { NoticePanel } from './NoticePanel.tsx';

/** 4. The materials checklist, one row per catalogue material; the 一次性告知单 when a required one is missing. */
export function MaterialsStep({ state, dispatch }: { state: IntakeState; dispatch: Dispatch<IntakeAction> }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<{ id: string; mode: MaterialMode } | null>(null);
  const matter = state.matter;
  if (matter === null) return null;
  const required = missingRequired(state);
  const rongque = rongqueOpen(state);
  return (
    <div className="intake-materials" data-testid="intake-materials" data-missing-required={required.length}>
      <ScrollArea>
        {matter.materials.length === 0 ? (
          <p className="hint">{t('guide.material.none')}</p>
        ) : (
          <ol className="material-rows">
            {matter.materials.map((m) => (
              <MaterialRow
                key={m.id}
                material={m}
                choice={state.materials[m.id]}
                channel={state.channel}
                rongque={rongque}
                mode={editing?.id === m.id ? editing.mode : null}
                onMode={(mode) => setEditing(mode === null ? null : { id: m.id, mode })}
                onChoice={(choice) => dispatch({ type: 'material', id: m.id, choice })}
              />
            ))}
          </ol>
        )}
        {required.length > 0 && editing === null && state.card !== null && (
          <NoticePanel
            channel={state.channel}
            matterCode={matter.code}
            applicantName={state.card.name}
            required={required}
            missing={missingMaterials(state)}
          />
        )}
      </ScrollArea>
    </div>
  );
}
