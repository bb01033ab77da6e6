import { StationError } from '../../../contract/domain/errors.ts';
import { useI18n } from '../i18n/i18n-context.ts';

/** A failed call as its catalogue message, which says what to do; the code rides along for tests and logs. */
export function ErrorNotice({ error, testId }: { error: unknown; testId: string }) {
  const { errorText } = useI18n();
  return (
    <p
      className="call-status call-status--error"
      role="alert"
      data-testid={testId}
      data-code={error instanceof StationError ? error.code : undefined}
    >
      {errorText(error)}
    </p>
  );
}
