import type { CallState } from '../station/use-call.ts';
import { useI18n } from '../i18n/i18n-context.ts';

/** While a screen's data loads, or when loading failed: a plain sentence in place of the content. */
export function CallStatus({ state }: { state: CallState<unknown> }) {
  const { t, errorText } = useI18n();
  if (state.status === 'ok') return null;
  return state.status === 'loading' ? (
    <p className="call-status" role="status" data-testid="call-loading">
      {t('ui.loading')}
    </p>
  ) : (
    <p className="call-status call-status--error" role="alert" data-testid="call-error">
      {errorText(state.error)}
    </p>
  );
}
