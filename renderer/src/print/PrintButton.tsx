import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import '../styles/guide.css';

type PrintState = { status: 'idle' } | { status: 'printing' } | { status: 'done' } | { status: 'error'; error: unknown };

export interface PrintButtonProps {
  label: string;
  testId: string;
  print(): Promise<unknown>;
  /** Defaults to `${testId}-status`. */
  statusTestId?: string;
  /** Defaults to 已打印，请到打印机取纸. */
  doneText?: string;
}

/** Something to print (a guide, a case document, a test page), then what happened in one plain sentence. */
export function PrintButton({ label, testId, print, statusTestId, doneText }: PrintButtonProps) {
  const { t, errorText } = useI18n();
  const [state, setState] = useState<PrintState>({ status: 'idle' });

  const run = () => {
    setState({ status: 'printing' });
    print().then(
      () => setState({ status: 'done' }),
      (error: unknown) => setState({ status: 'error', error }),
    );
  };

  const message =
    state.status === 'printing'
      ? t('ui.print.printing')
      : state.status === 'done'
        ? (doneText ?? t('ui.print.done'))
        : state.status === 'error'
          ? errorText(state.error)
          : null;

  return (
    <div className="print">
      <button
        type="button"
        className="wide-button print__button"
        data-testid={testId}
        disabled={state.status === 'printing'}
        onClick={run}
      >
        {label}
      </button>
      {message !== null && (
        <p
          className={state.status === 'error' ? 'print__status print__status--error' : 'print__status'}
          role={state.status === 'error' ? 'alert' : 'status'}
          data-testid={statusTestId ?? `${testId}-status`}
          data-state={state.status}
        >
          {message}
        </p>
      )}
    </div>
  );
}
