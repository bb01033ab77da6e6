import type { Dispatch } from 'react';
import { dayText } from '../common/day-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { promisedMaterials } from './intake-steps.ts';
import type { IntakeAction, IntakeState } from './intake-state.ts';
import { SignatureBlock } from './SignatureBlock.tsx';

/** 6. The applicant signs once ("N个√ + 1个签名"): the application, and the 容缺 promise when there is one. */
export function SignStep({ state, dispatch }: { state: IntakeState; dispatch: Dispatch<IntakeAction> }) {
  const { t, locale } = useI18n();
  const promised = promisedMaterials(state);
  return (
    <div className="intake-sign" data-testid="intake-sign">
      <ScrollArea>
        <div className="intake-sign__body">
          <p className="intake-sign__declaration">{t('ui.sign.declaration', { name: state.card?.name ?? '', matter: state.matter?.name ?? '' })}</p>
          {promised.length > 0 && (
            <ul className="intake-sign__promise" data-testid="sign-promise">
              {promised.map((m) => {
                const c = state.materials[m.id];
                const date = c?.status === 'promised' ? dayText(locale, c.dueDate) : '';
                return <li key={m.id}>{t('ui.sign.promise', { material: m.name, date })}</li>;
              })}
            </ul>
          )}
          <SignatureBlock
            signature={state.signature}
            usePad={state.channel === 'window'}
            onSigned={(attachment) => dispatch({ type: 'signature', attachment })}
          />
        </div>
      </ScrollArea>
    </div>
  );
}
