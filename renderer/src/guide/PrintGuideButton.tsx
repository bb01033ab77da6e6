import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { useClient } from '../station/client-context.ts';

type PrintState =
  | { status: 'idle' }
  | { status: 'printing' }
  | { status: 'done' }
  | { status: 'error'; error: unknown };

/** 打印指南, then what happened in one plain sentence: printing, printed, or what to do about the failure. */
export function PrintGuideButton({ code }: { code: string }) {
  const { t, errorText } = useI18n();
  const client = useClient();
  const [state, setState] = useState<PrintState>({ status: 'idle' });

  const print = () => {
    setState({ status: 'printing' });
    client.guidePrint({ code }).then(
      () => setState({ status: 'done' }),
      (error: unknown) => setState({ status: 'error', error }),
    );
  };

  const message =
    state.status === 'printing'
      ? t('ui.print.printing')
      : state.status === 'done'
        ? t('ui.print.done')
        : state.status === 'error'
          ? errorText(state.error)
          : null;

  return (
    <div className="print">
      <button
        type="button"
        className="wide-button print__button"
        data-testid="print-guide"
        disabled={state.status === 'printing'}
        onClick={print}
      >
        {t('ui.print.button')}
      </button>
      {message !== null && (
        <p
          className={state.status === 'error' ? 'print__status print__status--error' : 'print__status'}
          role={state.status === 'error' ? 'alert' : 'status'}
          data-testid="print-status"
          data-state={state.status}
        >
          {message}
        </p>
      )}
    </div>
  );
}
