import type { Dispatch } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { FeeEditor } from './FeeEditor.tsx';
import type { IntakeAction, IntakeState } from './intake-state.ts';
import { SignatureBlock } from './SignatureBlock.tsx';

/** 5. 代办: the villager signs the 委托书 and the agent records the fees advanced for them. */
export function ProxyStep({ state, dispatch, agentName }: { state: IntakeState; dispatch: Dispatch<IntakeAction>; agentName: string }) {
  const { t } = useI18n();
  return (
    <div className="intake-proxy" data-testid="intake-proxy" data-proxy={state.proxy}>
      <button
        type="button"
        className="tick"
        aria-pressed={state.proxy}
        data-testid="proxy-toggle"
        onClick={() => dispatch({ type: 'proxy', on: !state.proxy })}
      >
        <span className="tick__box" aria-hidden="true">
          {state.proxy ? '✓' : ''}
        </span>
        <span className="tick__label">{t('ui.proxy.toggle')}</span>
      </button>
      {state.proxy && (
        <ScrollArea>
          <div className="intake-proxy__body">
            <section className="intake-proxy__mandate" data-testid="mandate">
              <h3>{t('ui.proxy.mandate')}</h3>
              <p className="hint">
                {t('ui.proxy.mandate.text', { name: state.card?.name ?? '', agent: agentName, matter: state.matter?.name ?? '' })}
              </p>
              <SignatureBlock signature={state.mandate} usePad onSigned={(attachment) => dispatch({ type: 'mandate', attachment })} />
            </section>
            <FeeEditor fees={state.fees} onFees={(fees) => dispatch({ type: 'fees', fees })} />
          </div>
        </ScrollArea>
      )}
    </div>
  );
}
