import { useState } from 'react';
import type { PrinterRole } from '../../../electron/contract/api.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { useClient } from '../station/client-context.ts';

type Role = (typeof PrinterRole.options)[number];

type PrintState = { status: 'idle' } | { status: 'printing' } | { status: 'done' } | { status: 'error'; error: unknown };

const BUTTON_KEYS: Record<Role, string> = {
  receipt: 'ui.printer.test.receipt',
  a4: 'ui.printer.test.a4',
  photo: 'ui.printer.test.photo',
};

/** 打印测试页（A4）and what happened, in one plain sentence, like the guide's print button. */
export function PrinterTestButton({ role }: { role: Role }) {
  const { t, errorText } = useI18n();
  const client = useClient();
  const [state, setState] = useState<PrintState>({ status: 'idle' });

  const print = () => {
    setState({ status: 'printing' });
    client.printerTestPage({ role }).then(
      () => setState({ status: 'done' }),
      (error: unknown) => setState({ status: 'error', error }),
    );
  };

  const message =
    state.status === 'printing'
      ? t('ui.print.printing')
      : state.status === 'done'
        ? t('ui.printer.test.done')
        : state.status === 'error'
          ? errorText(state.error)
          : null;

  return (
    <div className="print printer-test">
      <button
        type="button"
        className="wide-button print__button"
        data-testid={`printer-test-${role}`}
        disabled={state.status === 'printing'}
        onClick={print}
      >
        {t(BUTTON_KEYS[role])}
      </button>
      {message !== null && (
        <p
          className={state.status === 'error' ? 'print__status print__status--error' : 'print__status'}
          role={state.status === 'error' ? 'alert' : 'status'}
          data-testid={`printer-test-status-${role}`}
          data-state={state.status}
        >
          {message}
        </p>
      )}
    </div>
  );
}
